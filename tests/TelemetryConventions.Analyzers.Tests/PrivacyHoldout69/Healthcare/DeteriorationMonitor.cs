using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout69.Healthcare;

/// <summary>A set of observations from a bedside monitor, keyed on the topic by hospital number.</summary>
public sealed record VitalsObservation(
    string HospitalNumber,
    string Ward,
    string Bed,
    int RespiratoryRate,
    int Spo2,
    int SystolicBp,
    int HeartRate,
    double TemperatureC,
    string? NurseComment);

/// <summary>
/// Scores every set of vitals with the early-warning model, falls back to the NEWS2 rules when the
/// model misses its 250 ms budget, samples predictions for clinician labelling and watches the
/// inputs for drift and data-quality failures.
/// </summary>
public sealed class DeteriorationMonitor(
    IConsumer<string, VitalsObservation> consumer,
    IScoringClient scoring,
    ILabelQueue labels,
    ShardKey shardKey,
    Pseudonymizer pseudonymizer,
    ILogger<DeteriorationMonitor> logger) : BackgroundService
{
    private const string Model = "news2-plus";
    private static readonly TimeSpan ModelBudget = TimeSpan.FromMilliseconds(250);
    private static readonly ActivitySource Source = new("Trust.Cdss.Deterioration");
    private static readonly Meter Meter = new("Trust.Cdss.Deterioration");
    private static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>("cdss.fallbacks");
    private readonly CdssPredictionsCounter _predictions = Meter.CreateCdssPredictionsCounter();
    private readonly List<double> _referenceRespRate = new();
    private readonly List<double> _liveRespRate = new();
    private string? _lastEscalated;
    private string? _lastEscalatedWard;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var obs = result.Message.Value;
            using var span = Source.StartCdssInference(Model, spanName: $"score {result.Topic}"); // clean strings
            span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            span.Activity?.SetTag("messaging.kafka.partition", result.Partition);
            span.SetCdssWard(obs.Ward).SetCdssPatientId(pseudonymizer.PseudonymizeCdssPatientId(obs.HospitalNumber)); // clean generated-api

            var (score, source) = await ScoreWithFallbackAsync(obs, span, stoppingToken);
            var band = score >= 7 ? CdssRiskBand.High : score >= 5 ? CdssRiskBand.Medium : CdssRiskBand.Low;
            span.SetCdssRiskBand(band);
            _predictions.Add(1, Model, band, source); // clean generated-api

            if (band == CdssRiskBand.High)
            {
                _lastEscalated = obs.HospitalNumber;
                _lastEscalatedWard = obs.Ward;
                span.SetCdssNote(obs.NurseComment ?? "no nursing comment"); // leak TC1001 generated-api
                logger.LogWarning("Escalating bed {Bed} on {Ward} to the outreach team", obs.Bed, obs.Ward);
            }

            await SampleForLabellingAsync(obs, score, span.Activity, stoppingToken);
            TrackDrift(obs);
            CheckQuality(obs, span.Activity);
            consumer.Commit(result);
        }
    }

    private async Task<(double Score, string Source)> ScoreWithFallbackAsync(VitalsObservation obs, CdssInferenceSpan span, CancellationToken ct)
    {
        var inputs = new Dictionary<string, object?>
        {
            ["resp_rate"] = obs.RespiratoryRate,
            ["spo2"] = obs.Spo2,
            ["sbp"] = obs.SystolicBp,
            ["hr"] = obs.HeartRate,
            ["temp_c"] = obs.TemperatureC,
        };
        try
        {
            var response = await scoring.ScoreAsync(new ScoringRequest(Model, inputs), ct).WaitAsync(ModelBudget, ct);
            span.SetCdssModelVersion(response.ModelVersion).SetCdssOutcome("scored"); // clean generated-api
            return (response.Score, "model");
        }
        catch (TimeoutException ex)
        {
            span.RecordException(ex, includeMessage: true).SetCdssOutcome("fallback:timeout"); // clean exceptions
            Fallbacks.Add(1, new KeyValuePair<string, object?>("ward", obs.Ward), new KeyValuePair<string, object?>("reason", "timeout")); // clean precision-about
            logger.LogCdssFallbackEvent(Model, "fallback:timeout", pseudonymizer.PseudonymizeCdssPatientId(obs.HospitalNumber), $"bed {obs.Bed} scored by the NEWS2 rules"); // clean generated-api
            return (News2(obs), "rules");
        }
        catch (ScoringException ex) when (ex.StatusCode >= 500)
        {
            logger.LogWarning(ex, "Early-warning deployment failed; NEWS2 rules used on {Ward}", obs.Ward); // clean exceptions
            logger.LogCdssFallbackEvent(Model, $"fallback:{ex.StatusCode}", cdssNote: $"{obs.HospitalNumber} scored by rules after {ex.StatusCode}"); // leak TC1001 generated-api
            return (News2(obs), "rules");
        }
    }

    private async Task SampleForLabellingAsync(VitalsObservation obs, double score, Activity? activity, CancellationToken ct)
    {
        // Two per cent of predictions go to the critical-care team for labelling, stable per patient.
        var sampled = shardKey.Bucket(obs.HospitalNumber, 50) == 0;
        activity?.SetTag("cdss.sampled_for_labelling", sampled); // clean hashes
        if (sampled)
        {
            var inputs = new Dictionary<string, object?> { ["resp_rate"] = obs.RespiratoryRate, ["spo2"] = obs.Spo2 };
            await labels.EnqueueAsync(new LabelTask(activity?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N"), obs.HospitalNumber, score, inputs), ct); // clean direct
        }

        // The old sampler, kept so that last quarter's labels can be joined: an unkeyed digest.
        var legacyBucket = SHA256.HashData(Encoding.UTF8.GetBytes(obs.HospitalNumber))[0] % 50;
        activity?.SetTag("cdss.legacy_label_bucket", legacyBucket); // leak TC1002 hashes
    }

    private void TrackDrift(VitalsObservation obs)
    {
        _liveRespRate.Add(obs.RespiratoryRate);
        if (_liveRespRate.Count < 500)
        {
            return;
        }

        var psi = DataQuality.PopulationStabilityIndex(_referenceRespRate, _liveRespRate);
        if (psi > 0.2)
        {
            logger.LogWarning("resp_rate drifted: PSI {Psi:0.000} over {Window} sets; last escalation {Patient}", psi, _liveRespRate.Count, _lastEscalated); // leak TC1001 cross-member
        }
        logger.LogInformation("resp_rate window mean {Mean:0.0}, max {Max}; last escalation on {Ward}", _liveRespRate.Average(), _liveRespRate.Max(), _lastEscalatedWard); // clean cross-member
        _referenceRespRate.Clear();
        _referenceRespRate.AddRange(_liveRespRate);
        _liveRespRate.Clear();
    }

    private void CheckQuality(VitalsObservation obs, Activity? activity)
    {
        var violations = new List<QualityViolation>();
        if (obs.Spo2 is < 50 or > 100)
        {
            violations.Add(new QualityViolation("spo2", "between_50_and_100", obs.HospitalNumber, obs.Spo2.ToString()));
        }
        if (obs.TemperatureC is < 30 or > 44)
        {
            violations.Add(new QualityViolation("temp_c", "between_30_and_44", obs.HospitalNumber, obs.TemperatureC.ToString("0.0")));
        }

        foreach (var violation in violations)
        {
            logger.LogWarning("Data-quality expectation failed: {Violation}", violation); // leak TC1001 logging-objects
        }
        activity?.SetTag("cdss.dq.failed", string.Join(",", violations.Select(v => $"{v.Feature}:{v.Expectation}"))); // clean precision-about
    }

    private static double News2(VitalsObservation obs) =>
        (obs.RespiratoryRate >= 25 ? 3 : obs.RespiratoryRate >= 21 ? 2 : 0)
        + (obs.Spo2 <= 91 ? 3 : obs.Spo2 <= 93 ? 2 : obs.Spo2 <= 95 ? 1 : 0)
        + (obs.SystolicBp <= 90 ? 3 : obs.SystolicBp <= 100 ? 2 : 0)
        + (obs.HeartRate >= 131 ? 3 : obs.HeartRate >= 111 ? 2 : 0);
}
