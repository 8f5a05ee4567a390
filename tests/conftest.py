"""Shared fixtures: architectures built directly from their published configurations."""

from __future__ import annotations

import pytest

from llmsize.spec import MLA, MoE, Spec


@pytest.fixture
def llama2_7b() -> Spec:
    """Llama-2-7B (meta-llama/Llama-2-7b-hf config.json): MHA, 32 layers of width 4096."""
    return Spec(
        name="Llama-2-7B",
        layers=32,
        width=4096,
        heads=32,
        kv_heads=32,
        head_dim=128,
        ffn=11008,
        vocab=32000,
    )


@pytest.fixture
def llama3_8b() -> Spec:
    """Llama-3-8B (meta-llama/Meta-Llama-3-8B config.json): GQA with 8 KV heads."""
    return Spec(
        name="Llama-3-8B",
        layers=32,
        width=4096,
        heads=32,
        kv_heads=8,
        head_dim=128,
        ffn=14336,
        vocab=128256,
    )


@pytest.fixture
def deepseek_v3() -> Spec:
    """DeepSeek-V3 (deepseek-ai/DeepSeek-V3 config.json): MLA + MoE, one MTP module."""
    return Spec(
        name="DeepSeek-V3",
        layers=61,
        width=7168,
        heads=128,
        kv_heads=128,
        head_dim=192,  # unused by MLA, but a Spec needs a positive head size
        ffn=18432,
        vocab=129280,
        moe=MoE(
            num_experts=256,
            experts_per_token=8,
            expert_ffn=2048,
            num_shared_experts=1,
            shared_ffn=2048,
            router_bias_buffer=True,
            first_dense_layers=3,
        ),
        mla=MLA(
            q_lora_rank=1536,
            kv_lora_rank=512,
            qk_nope_head_dim=128,
            qk_rope_head_dim=64,
            v_head_dim=128,
        ),
        mtp_layers=1,
    )


@pytest.fixture
def bert_base() -> Spec:
    """BERT-base (google-bert/bert-base-uncased config.json): an encoder with a pooler."""
    return Spec(
        name="BERT-base",
        layers=12,
        width=768,
        heads=12,
        kv_heads=12,
        head_dim=64,
        ffn=3072,
        vocab=30522,
        gated_ffn=False,
        max_positions=512,
        token_types=2,
        qkv_bias=True,
        o_bias=True,
        mlp_bias=True,
        norm="layernorm",
        final_norm=False,
        embedding_norm=True,
        pooler=True,
        encoder=True,
    )
