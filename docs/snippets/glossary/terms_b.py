# Glossary: the terms of the groups "attention", "moe" and "storage" (see glossary/terms_a.py
# for the shape of a term).
_GL_TERMS_B = [
    {
        "key": "mha",
        "group": "attention",
        "term": {"en": "MHA (multi-head attention)", "zh": "多头注意力（MHA）"},
        "symbol": "",
        "meaning": {
            "en": "Every query head has its own key and value head: K = N.",
            "zh": "每个查询头都有自己的键头和值头：K = N。",
        },
        "example": _gl_ex_mha,
    },
    {
        "key": "gqa",
        "group": "attention",
        "term": {"en": "GQA (grouped-query attention)", "zh": "分组查询注意力（GQA）"},
        "symbol": "",
        "meaning": {
            "en": (
                "Each group of N/K query heads shares one key/value head: 1 < K < N. The KV cache"
                " shrinks by N/K; the parameters shrink too, but much less: only the key and value"
                " projections get smaller."
            ),
            "zh": "每 N/K 个查询头共用一组键值头：1 < K < N。KV 缓存缩小为原来的 K/N；参数量也会减少，但少得多：变小的只有键和值的投影。",
        },
        "example": _gl_ex_gqa,
    },
    {
        "key": "mqa",
        "group": "attention",
        "term": {"en": "MQA (multi-query attention)", "zh": "多查询注意力（MQA）"},
        "symbol": "",
        "meaning": {
            "en": "All query heads share a single key/value head: K = 1.",
            "zh": "所有查询头共用一组键值头：K = 1。",
        },
        "example": None,
    },
    {
        "key": "mla",
        "group": "attention",
        "term": {"en": "MLA (multi-head latent attention)", "zh": "多头潜在注意力（MLA）"},
        "symbol": "",
        "meaning": {
            "en": (
                "DeepSeek-V2/V3: keys and values are rebuilt from one compressed latent vector per"
                " token and layer, and only that latent (with a small shared rotary key) is cached."
            ),
            "zh": "DeepSeek-V2/V3 的注意力：键和值由每个词元、每层一个压缩后的潜向量还原出来，缓存里只存这个潜向量（外加一个各头共用、带旋转位置编码的小键向量）。",
        },
        "example": _gl_ex_mla,
    },
    {
        "key": "kv_cache",
        "group": "attention",
        "term": {"en": "KV cache", "zh": "KV 缓存"},
        "symbol": "",
        "meaning": {
            "en": (
                "Keys and values of earlier tokens, kept while generating so they are not recomputed:"
                " `2·L·K·H` numbers per token, times T and B. Memory, not parameters."
            ),
            "zh": "生成时保存下来的先前词元的键和值，免得重复计算：每个词元 `2·L·K·H` 个数，再乘以 T 和 B。它占显存，但不是参数。",
        },
        "example": _gl_ex_kv,
    },
    {
        "key": "context_length",
        "group": "attention",
        "term": {"en": "context length", "zh": "上下文长度"},
        "symbol": "",
        "meaning": {
            "en": "The most tokens a model is built to attend to at once: the largest T. llmsize"
            " reads it from config.json's max_position_embeddings; a model card may state a"
            " shorter supported context (DeepSeek-V3's README says 128K).",
            "zh": "模型一次能关注的最多词元数，即 T 的上限。llmsize 取自 config.json 的"
            " max_position_embeddings；模型卡声明的可用上下文可能更短（DeepSeek-V3 的 README 写的是 128K）。",
        },
        "example": _gl_ex_context,
    },
    {
        "key": "moe",
        "group": "moe",
        "term": {"en": "mixture of experts (MoE)", "zh": "混合专家（MoE）"},
        "symbol": "",
        "meaning": {
            "en": (
                "A layer whose FFN is split into many experts, of which a router picks a few for each"
                " token. The total grows with the number of experts, per-token compute with the number"
                " picked."
            ),
            "zh": "把前馈网络拆成许多专家、由路由器为每个词元挑选其中几个的层。总参数量随专家总数增长，每个词元的计算量只随选中的个数增长。",
        },
        "example": _gl_ex_moe,
    },
    {
        "key": "dense",
        "group": "moe",
        "term": {"en": "dense", "zh": "稠密"},
        "symbol": "",
        "meaning": {
            "en": (
                "A model or layer without experts: every parameter is used for every token, so active"
                " equals total."
            ),
            "zh": "没有专家的模型或层：每个词元都用到全部参数，激活参数量等于总参数量。",
        },
        "example": None,
    },
    {
        "key": "routed_expert",
        "group": "moe",
        "term": {"en": "routed expert", "zh": "路由专家"},
        "symbol": "",
        "meaning": {
            "en": "An expert a token passes through only if the router picks it for that token.",
            "zh": "只有被路由器选中时，词元才会经过的专家。",
        },
        "example": _gl_ex_routed,
    },
    {
        "key": "shared_expert",
        "group": "moe",
        "term": {"en": "shared expert", "zh": "共享专家"},
        "symbol": "",
        "meaning": {
            "en": "An expert every token passes through, beside the routed ones (DeepSeek, Qwen-MoE).",
            "zh": "每个词元都会经过的专家，与路由专家并列（DeepSeek、Qwen-MoE）。",
        },
        "example": None,
    },
    {
        "key": "router",
        "group": "moe",
        "term": {"en": "router (gate)", "zh": "路由器（门控网络）"},
        "symbol": "",
        "meaning": {
            "en": (
                "A small matrix with one row per expert that scores the experts for each token; the top"
                " few get the token."
            ),
            "zh": "为每个词元给各专家打分的小矩阵，每个专家一行；得分最高的几个专家处理这个词元。",
        },
        "example": None,
    },
    {
        "key": "active",
        "group": "moe",
        "term": {"en": "active parameters", "zh": "激活参数量"},
        "symbol": "",
        "meaning": {
            "en": (
                "What one token passes through: everything shared plus the experts it is routed to."
                " Sets per-token compute, not memory: every expert must still be loaded."
            ),
            "zh": "一个词元实际经过的参数：全部共享部分，加上它被路由到的专家。它决定每个词元的计算量，而不是显存：所有专家仍须载入。",
        },
        "example": _gl_ex_active,
    },
    {
        "key": "mtp",
        "group": "moe",
        "term": {"en": "multi-token prediction (MTP)", "zh": "多词元预测（MTP）"},
        "symbol": "",
        "meaning": {
            "en": (
                "An extra module trained to predict a further token ahead. DeepSeek-V3 ships it in its"
                " checkpoint (it can speed up decoding), but it is not part of the main model's count."
            ),
            "zh": "额外训练来多预测一个后续词元的模块。DeepSeek-V3 把它放在权重文件里（可用于加速解码），但它不计入主模型的参数量。",
        },
        "example": _gl_ex_mtp,
    },
    {
        "key": "checkpoint",
        "group": "storage",
        "term": {"en": "checkpoint", "zh": "权重文件"},
        "symbol": "",
        "meaning": {
            "en": (
                "The files holding the trained parameters (safetensors, GGUF…). They may hold more than"
                " the main model (an MTP module, quantization scales) or less (a tied table once)."
            ),
            "zh": "存放训练好的参数的文件（safetensors、GGUF 等）。里面可能比主模型多（MTP 模块、量化缩放因子），也可能少（共享的表只存一份）。",
        },
        "example": _gl_ex_checkpoint,
    },
    {
        "key": "dtype",
        "group": "storage",
        "term": {
            "en": "dtype (fp32, bf16, fp8, int4…)",
            "zh": "数据类型（fp32、bf16、fp8、int4 等）",
        },
        "symbol": "",
        "meaning": {
            "en": (
                "How each number is stored, which sets the bytes per parameter. The parameter count"
                " does not depend on it."
            ),
            "zh": "每个数的存储格式，决定每个参数占多少字节。参数量与它无关。",
        },
        "example": _gl_ex_dtype,
    },
    {
        "key": "quantization",
        "group": "storage",
        "term": {"en": "quantization", "zh": "量化"},
        "symbol": "",
        "meaning": {
            "en": (
                "Storing weights in fewer bits (int8, int4, fp8), usually in blocks sharing a scale"
                " factor. Changes the bytes, never the parameter count."
            ),
            "zh": "用更少的位数存储权重（int8、int4、fp8），通常按块共用一个缩放因子。改变的是字节数，从不改变参数量。",
        },
        "example": _gl_ex_quant,
    },
    {
        "key": "gb_gib",
        "group": "storage",
        "term": {"en": "GB vs GiB", "zh": "GB 与 GiB"},
        "symbol": "",
        "meaning": {
            "en": (
                "GB is a power of ten (disks, downloads, the Hub); GiB a power of two (memory, most"
                " tools)."
            ),
            "zh": "GB 以十的幂计（硬盘、下载、Hub），GiB 以二的幂计（内存、显存，以及大多数工具）。",
        },
        "example": _gl_ex_gib,
    },
    {
        "key": "gpu_memory",
        "group": "storage",
        "term": {"en": "GPU memory (VRAM, HBM)", "zh": "显存"},
        "symbol": "",
        "meaning": {
            "en": (
                "The accelerator's own memory. Inference must fit the weights, the KV cache and"
                " activations; training adds gradients and optimizer state."
            ),
            "zh": "加速卡自带的内存。推理时要放下权重、KV 缓存和激活值；训练时还要加上梯度和优化器状态。",
        },
        "example": None,
    },
    {
        "key": "optimizer_state",
        "group": "storage",
        "term": {"en": "optimizer state", "zh": "优化器状态"},
        "symbol": "",
        "meaning": {
            "en": (
                "What the optimizer keeps per parameter; Adam stores two moments, and mixed precision"
                " adds an fp32 master copy."
            ),
            "zh": "优化器为每个参数保存的量；Adam 保存一阶矩和二阶矩，混合精度训练还要一份 fp32 主权重。",
        },
        "example": _gl_ex_training,
    },
    {
        "key": "flops",
        "group": "storage",
        "term": {"en": "FLOPs", "zh": "浮点运算次数"},
        "symbol": "",
        "meaning": {
            "en": (
                "Floating-point operations; a multiply-add counts as two. Kaplan et al. write training"
                " as `6ND` with N parameters and D tokens, not this site's N and D. Not FLOP/s, a"
                " speed."
            ),
            "zh": (
                "浮点运算的次数，一次乘加算两次。Kaplan 等人把训练量写成 `6ND`，其中 N 是"
                "参数量、D 是训练词元数，与本站的 N、D 不同。不要与衡量速度的 FLOP/s 混淆。"
                "数字后面写作 FLOPs。"
            ),
        },
        "example": _gl_ex_flops,
    },
]
