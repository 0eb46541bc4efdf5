namespace PrivacyHoldout82.Healthcare;

/// <summary>A patient demographics answer, from either side.</summary>
public sealed record Demographics(string HospitalNumber, string NhsNumber, string Name, string Postcode, string? GpPractice);

public interface IDemographicsSource
{
    Task<Demographics?> GetAsync(string hospitalNumber, CancellationToken cancellationToken);
}

/// <summary>
/// The strangler facade in front of demographics lookups: wards moved to the new patient service are
/// answered by it, the rest still by the legacy PAS; during the parallel run both are called and compared.
/// </summary>
public sealed class PasStranglerFacade(
    IDemographicsSource legacyPas,
    IDemographicsSource patientService,
    ActivitySource source,
    Meter meter,
    ILogger<PasStranglerFacade> logger)
{
    private static readonly HashSet<string> MigratedWards = ["AMU", "CCU"];
    private static readonly HashSet<string> ParallelRunClinicians = ["dr.amara.okafor@northvale.nhs.example", "s.whitlock@northvale.nhs.example"];

    private readonly Histogram<double> _compareDuration = meter.CreateHistogram<double>("pas.strangler.compare.duration", "s");
    private readonly Counter<long> _mismatches = meter.CreateCounter<long>("pas.strangler.mismatches");

    public async Task<Demographics?> GetAsync(string hospitalNumber, string wardCode, string clinicianEmail, CancellationToken cancellationToken)
    {
        var decision = new RoutingDecision("demographics.get", MigratedWards.Contains(wardCode) ? RouteTarget.Modern : ParallelRunClinicians.Contains(clinicianEmail) ? RouteTarget.Both : RouteTarget.Legacy, "ward-cutover-v3");
        var activity = Activity.Current;
        activity?.SetTag("strangler.decision", decision.ToString()); // clean precision-about
        activity?.SetTag("strangler.parallel_run", decision.Target == RouteTarget.Both); // clean precision-about
        activity?.SetBaggage("strangler.target", decision.Target.ToString()); // clean precision-about

        var started = Stopwatch.GetTimestamp();
        if (decision.Target == RouteTarget.Legacy)
        {
            var legacy = await legacyPas.GetAsync(hospitalNumber, cancellationToken);
            meter.CreatePasbridgeLegacyDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "legacy", pasbridgeLegacySystem: "ipm-pas"); // clean precision-about
            return legacy;
        }

        if (decision.Target == RouteTarget.Both)
        {
            activity?.SetTag("strangler.requested_by", clinicianEmail); // leak TC1001 direct
            var legacyTask = legacyPas.GetAsync(hospitalNumber, cancellationToken);
            var modern = await patientService.GetAsync(hospitalNumber, cancellationToken);
            var legacy = await legacyTask;
            var comparison = ResponseComparison.Of("demographics.get", Fields(legacy), Fields(modern));
            _compareDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("matched", comparison.Matched)); // clean precision-about
            if (!comparison.Matched)
            {
                _mismatches.Add(1, new KeyValuePair<string, object?>("field", comparison.Differences[0].Field)); // clean precision-about
                logger.LogWarning("Parallel run mismatch on {Fields}", string.Join(",", comparison.Differences.Select(d => d.Field))); // clean precision-names
                logger.LogWarning("Parallel run mismatch: {Comparison}", comparison); // clean logging-objects
                foreach (var difference in comparison.Differences)
                {
                    logger.LogDebug("Legacy and new differ: {Difference}", difference); // leak TC1001 logging-objects
                }
                activity?.AddEvent(new ActivityEvent("strangler.mismatch", tags: new ActivityTagsCollection { ["difference.count"] = comparison.Differences.Count, ["legacy.postcode"] = legacy?.Postcode })); // leak TC1001 direct
                _mismatches.Add(1, new KeyValuePair<string, object?>("hospital_number", hospitalNumber)); // leak TC1003 direct
            }
            return legacy;
        }

        var answer = await patientService.GetAsync(hospitalNumber, cancellationToken);
        activity?.SetTag("pas.gp_practice", answer?.GpPractice); // clean precision-about
        if (activity is not null) activity.DisplayName = $"demographics {decision.Target} for {answer?.NhsNumber}"; // leak TC1001 strings
        return answer;
    }

    private static Dictionary<string, string?> Fields(Demographics? d) => new()
    {
        ["hospitalNumber"] = d?.HospitalNumber,
        ["nhsNumber"] = d?.NhsNumber,
        ["name"] = d?.Name,
        ["postcode"] = d?.Postcode,
        ["gpPractice"] = d?.GpPractice,
    };
}
