namespace GrowthBook
{
    /// <summary>An experiment run in the SDK: variations, weights, coverage and the attribute hashed to assign them.</summary>
    public sealed class Experiment
    {
        public required string Key { get; init; }

        public required IReadOnlyList<string> Variations { get; init; }

        public IReadOnlyList<double>? Weights { get; init; }

        public double Coverage { get; init; } = 1.0;

        public string HashAttribute { get; init; } = "id";

        public string? Seed { get; init; }

        public int HashVersion { get; init; } = 2;
    }

    /// <summary>
    /// The result of an assignment, as the SDK reports it: a record with the variation, the value served,
    /// the attribute hashed and that attribute's value (the subject's id), and the bucket from the hash.
    /// </summary>
    public sealed record ExperimentResult(string Key, bool InExperiment, int VariationId, string Value, string HashAttribute, string HashValue, double Bucket, bool HashUsed)
    {
        public string? FeatureId { get; init; }
    }

    public sealed record FeatureResult(string Value, bool On, string Source)
    {
        public Experiment? Experiment { get; init; }

        public ExperimentResult? ExperimentResult { get; init; }
    }

    public sealed class GrowthBook
    {
        public Dictionary<string, string> Attributes { get; set; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> ForcedVariations { get; } = new(StringComparer.Ordinal);

        public Action<Experiment, ExperimentResult>? TrackingCallback { get; set; }

        public ExperimentResult Run(Experiment experiment)
        {
            var value = Attributes.TryGetValue(experiment.HashAttribute, out var v) ? v : "";
            var n = Fnv32a(experiment.Seed ?? experiment.Key, value);
            var index = (int)(n * experiment.Variations.Count);
            var result = new ExperimentResult(experiment.Key, true, index, experiment.Variations[index], experiment.HashAttribute, value, n, true);
            TrackingCallback?.Invoke(experiment, result);
            return result;
        }

        public FeatureResult EvalFeature(string key) => new("off", false, "defaultValue");

        public bool IsOn(string key) => EvalFeature(key).On;

        /// <summary>The SDK's hash: FNV-1a 32 of seed and value, to a number between 0 and 1.</summary>
        public static double Fnv32a(string seed, string value)
        {
            uint h = 0x811c9dc5;
            foreach (var c in seed + value)
            {
                h ^= c;
                h *= 16777619;
            }
            return (h % 10000) / 10000.0;
        }
    }
}
