using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout69.Support;

// Stand-ins for the machine-learning platform the services call: an online feature store, a model
// serving endpoint behind a typed client, an experimentation service, a contextual bandit, a
// labelling queue, a prediction store and drift and data-quality checks. Only the shapes matter; the
// comments say what each type prints and what its exceptions quote, as the real libraries do.

/// <summary>
/// A row of an online feature view, read for one entity. It is a record: its <c>ToString()</c> prints
/// every member, the entity key included.
/// </summary>
public sealed record FeatureVector(
    string FeatureView,
    string EntityKey,
    IReadOnlyDictionary<string, double?> Values,
    DateTimeOffset MaterialisedAt)
{
    /// <summary>Features the store had no value for.</summary>
    public int MissingCount => Values.Count(v => v.Value is null);

    /// <summary>Age of the row, for staleness checks.</summary>
    public TimeSpan Age(DateTimeOffset now) => now - MaterialisedAt;
}

/// <summary>The online store's client (Feast- or Tecton-shaped).</summary>
public interface IOnlineFeatureStore
{
    Task<FeatureVector> GetOnlineFeaturesAsync(string featureView, string entityKey, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FeatureVector>> GetOnlineFeaturesAsync(string featureView, IReadOnlyList<string> entityKeys, CancellationToken cancellationToken = default);
}

/// <summary>Thrown when the online store has no row for an entity. The message quotes the view and the entity key.</summary>
public sealed class FeatureRowMissingException(string featureView, string entityKey)
    : Exception($"No online row in feature view '{featureView}' for entity key '{entityKey}'.")
{
    public string FeatureView { get; } = featureView;

    public string EntityKey { get; } = entityKey;
}

/// <summary>Thrown when the online store itself fails. The message names the view and the store's error code only.</summary>
public sealed class FeatureStoreUnavailableException(string featureView, string errorCode)
    : Exception($"Online store unavailable for '{featureView}' ({errorCode}).")
{
    public string ErrorCode { get; } = errorCode;
}

/// <summary>One feature's part in a prediction, as the serving platform's explainer returns it.</summary>
public sealed record FeatureAttribution(string Feature, double? Value, double Contribution);

/// <summary>What the scoring endpoint is sent: the deployment and the model's named inputs.</summary>
public sealed record ScoringRequest(string Deployment, IReadOnlyDictionary<string, object?> Inputs)
{
    public string RequestId { get; init; } = Guid.NewGuid().ToString("N");

    public bool Explain { get; init; }
}

/// <summary>What the scoring endpoint answers.</summary>
public sealed record ScoringResponse(
    string RequestId,
    string ModelName,
    string ModelVersion,
    double Score,
    IReadOnlyList<FeatureAttribution> TopFeatures,
    TimeSpan ServerLatency);

/// <summary>The typed client of the model-serving platform (registered with <c>AddHttpClient</c>).</summary>
public interface IScoringClient
{
    Task<ScoringResponse> ScoreAsync(ScoringRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScoringResponse>> ScoreBatchAsync(IReadOnlyList<ScoringRequest> requests, CancellationToken cancellationToken = default);
}

/// <summary>
/// A non-success answer of the serving platform. The message names the deployment, the HTTP status
/// and the platform's error text ("model not loaded", "queue full", "input 'age' expected float"),
/// which names inputs, never their values.
/// </summary>
public sealed class ScoringException(string deployment, int statusCode, string error)
    : Exception($"Deployment '{deployment}' answered {statusCode}: {error}")
{
    public string Deployment { get; } = deployment;

    public int StatusCode { get; } = statusCode;
}

/// <summary>A model in the registry: its <c>ToString()</c> is <c>name@version</c>.</summary>
public sealed record ModelRef(string Name, string Version, string Stage)
{
    public override string ToString() => $"{Name}@{Version}";
}

/// <summary>
/// An experiment assignment from the experimentation service. It is a record and prints its members,
/// the unit (the id the assignment was made for) included.
/// </summary>
public sealed record Assignment(string Experiment, string Arm, string Unit, bool InExperiment);

public interface IExperimentClient
{
    Assignment Assign(string experiment, string unitId);
}

/// <summary>The arm a contextual bandit chose, with the propensity logged for off-policy evaluation.</summary>
public sealed record ArmChoice(string DecisionId, string Arm, double Propensity, string PolicyVersion, bool Explored);

public interface IContextualBandit
{
    ArmChoice Choose(string decisionPoint, IReadOnlyDictionary<string, double> context);

    void Reward(string decisionId, double reward);
}

/// <summary>A prediction sent to human labellers later. The queue is the labelling tool's, not telemetry.</summary>
public sealed record LabelTask(string PredictionId, string EntityKey, double Score, IReadOnlyDictionary<string, object?> Inputs);

public interface ILabelQueue
{
    Task EnqueueAsync(LabelTask task, CancellationToken cancellationToken = default);
}

/// <summary>The prediction store (a warehouse table for offline evaluation), not telemetry.</summary>
public interface IPredictionStore
{
    Task AppendAsync(string model, string entityKey, IReadOnlyDictionary<string, object?> inputs, double score, CancellationToken cancellationToken = default);
}

/// <summary>A failed data-quality expectation (Great Expectations-shaped): a record that prints its members.</summary>
public sealed record QualityViolation(string Feature, string Expectation, string EntityKey, string? ObservedValue);

public static class DataQuality
{
    /// <summary>Population stability index of two samples of one numeric feature.</summary>
    public static double PopulationStabilityIndex(IReadOnlyList<double> expected, IReadOnlyList<double> actual, int bins = 10)
    {
        if (expected.Count == 0 || actual.Count == 0)
        {
            return 0;
        }
        var min = Math.Min(expected.Min(), actual.Min());
        var max = Math.Max(expected.Max(), actual.Max());
        var width = (max - min) / bins;
        double psi = 0;
        for (var b = 0; b < bins; b++)
        {
            var lo = min + b * width;
            var hi = b == bins - 1 ? double.MaxValue : lo + width;
            var e = Math.Max(expected.Count(v => v >= lo && v < hi) / (double)expected.Count, 1e-4);
            var a = Math.Max(actual.Count(v => v >= lo && v < hi) / (double)actual.Count, 1e-4);
            psi += (a - e) * Math.Log(a / e);
        }
        return psi;
    }
}

/// <summary>The service's HMAC key for shards, cohorts, samples and experiment buckets (from the secret store).</summary>
public sealed class ShardKey(byte[] key)
{
    public int Bucket(string value, int buckets)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value));
        return (int)(BitConverter.ToUInt32(mac, 0) % (uint)buckets);
    }

    public string Digest(string value) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)))[..16].ToLowerInvariant();
}
