namespace PrivacyHoldout76.Media;

public sealed record Experiment(string Name, string Version, IReadOnlyList<string> Arms, IReadOnlyDictionary<string, double> GuardrailTolerances);

/// <summary>
/// Assigns viewing profiles to the arms of the home-rail experiments and watches the guardrail
/// metrics (play starts, rebuffering, early cancellations) of each arm against control.
/// </summary>
public sealed class RecommendationGuardrails(ShardKey shardKey, Pseudonymizer pseudonymizer, Meter meter, ILogger<RecommendationGuardrails> logger)
{
    private static readonly ActivitySource Source = new("Stream.Experiments.Guardrails");
    private readonly Histogram<double> _guardrail = meter.CreateHistogram<double>("experiment.guardrail.value");
    private readonly Counter<long> _exposures = meter.CreateCounter<long>("experiment.exposures");

    public string Assign(Experiment experiment, string profileId)
    {
        var slot = HMACSHA256.HashData(shardKey.Key, Encoding.UTF8.GetBytes($"{experiment.Name}:{profileId}"))[0] % experiment.Arms.Count;
        var arm = experiment.Arms[slot];
        var activity = Activity.Current;
        activity?.SetTag("experiment.name", experiment.Name);
        activity?.SetTag("experiment.arm", arm); // clean hashes
        var checkSlot = MD5.HashData(Encoding.UTF8.GetBytes(experiment.Name + profileId))[0] % experiment.Arms.Count;
        activity?.SetTag("experiment.arm.check", checkSlot); // leak TC1002 hashes

        logger.LogInformation("Exposure {Experiment} {Arm} {ProfileId}", experiment.Name, arm, profileId); // leak TC1001 direct
        logger.LogInformation("Exposure {Experiment} {Arm} {Profile}", experiment.Name, arm, pseudonymizer.ComputePlayopsSubscriberId(profileId)); // clean precision-pseudonym
        _exposures.Add(1, new KeyValuePair<string, object?>("experiment", experiment.Name), new KeyValuePair<string, object?>("arm", arm)); // clean precision-about
        _exposures.Add(1, new KeyValuePair<string, object?>("experiment", experiment.Name), new KeyValuePair<string, object?>("profile", profileId)); // leak TC1003 direct
        return arm;
    }

    public void Evaluate(Experiment experiment, string metric, IReadOnlyDictionary<string, double> byArm, int step)
    {
        using var span = Source.StartPlayopsCanary(experiment.Version, step) // clean generated-api
            .SetPlayopsTerritory("GB");
        var control = byArm["control"];
        foreach (var (arm, value) in byArm)
        {
            _guardrail.Record(value, new KeyValuePair<string, object?>("experiment", experiment.Name), new KeyValuePair<string, object?>("arm", arm), new KeyValuePair<string, object?>("metric", metric)); // clean precision-about
        }
        try
        {
            foreach (var (arm, value) in byArm.Where(a => a.Key != "control"))
            {
                if (value < control * (1 - experiment.GuardrailTolerances[metric]))
                {
                    throw new GuardrailBreachException(experiment.Name, metric, control, value);
                }
            }
            span.SetPlayopsOutcome("within-guardrails");
        }
        catch (GuardrailBreachException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogPlayopsProbeFailedEvent($"guardrail:{ex.Metric}", "breach", playopsNote: ex.Message); // clean generated-api
            logger.LogError(ex, "Guardrail {Metric} breached in {Experiment}", ex.Metric, ex.Experiment); // clean exceptions
        }
    }
}
