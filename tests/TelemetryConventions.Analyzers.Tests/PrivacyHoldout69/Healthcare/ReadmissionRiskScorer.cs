namespace PrivacyHoldout69.Healthcare;

/// <summary>A patient about to be discharged, as the bed manager hands it to the scorer.</summary>
public sealed record DischargeCandidate(string HospitalNumber, string Ward, int AgeYears, string FamilyName, int AdmissionsLastYear);

/// <summary>What the ward round sees. A record: it prints the hospital number.</summary>
public sealed record ReadmissionScore(string HospitalNumber, double Probability, CdssRiskBand Band, IReadOnlyList<FeatureAttribution> Drivers, string ModelVersion);

/// <summary>
/// Scores 30-day readmission risk at discharge: inpatient history from the online feature store,
/// the serving platform's explainer for the top drivers, the trust's clinical thresholds.
/// </summary>
public sealed partial class ReadmissionRiskScorer(
    IOnlineFeatureStore features,
    IScoringClient scoring,
    IPredictionStore predictions,
    Pseudonymizer pseudonymizer,
    ILogger<ReadmissionRiskScorer> logger)
{
    private const string Deployment = "readmission-30d-prod";
    private const string FeatureView = "inpatient_history_v3";
    private const double ReviewThreshold = 0.35;
    private const double EscalateThreshold = 0.60;

    private static readonly ActivitySource Source = new("Trust.Cdss.Readmission");
    private static readonly Meter Meter = new("Trust.Cdss.Readmission");
    private static readonly Histogram<double> ServerLatency = Meter.CreateHistogram<double>("cdss.scoring.server_latency", "ms");
    private static readonly Counter<long> MissingFeatures = Meter.CreateCounter<long>("cdss.features.missing");
    private readonly CdssPredictionsCounter _predictions = Meter.CreateCdssPredictionsCounter();

    public async Task<ReadmissionScore> ScoreAsync(DischargeCandidate candidate, CancellationToken ct)
    {
        using var span = Source.StartCdssInference("readmission-30d")
            .SetCdssPatientId(pseudonymizer.PseudonymizeCdssPatientId(candidate.HospitalNumber)) // clean precision-pseudonym
            .SetCdssWard(candidate.Ward); // clean precision-about

        FeatureVector row;
        try
        {
            row = await features.GetOnlineFeaturesAsync(FeatureView, candidate.HospitalNumber, ct);
        }
        catch (FeatureRowMissingException ex)
        {
            // First admission: no history row yet. The model cannot score without it.
            span.RecordException(ex, includeMessage: true).SetCdssOutcome("no_history"); // leak TC1001 exceptions
            logger.LogWarning("No inpatient history for a {Ward} discharge ({Error})", candidate.Ward, ex.GetType().Name); // clean exceptions
            throw;
        }
        catch (FeatureStoreUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true).SetCdssOutcome("store_unavailable"); // clean exceptions
            throw;
        }

        MissingFeatures.Add(row.MissingCount, new KeyValuePair<string, object?>("patient_feature_view", row.FeatureView)); // clean precision-names
        logger.LogDebug("Online features for scoring: {FeatureRow}", row); // leak TC1001 logging-objects
        logger.LogDebug("Feature row {AgeMinutes:0} min old, {Missing} of {Total} missing", row.Age(DateTimeOffset.UtcNow).TotalMinutes, row.MissingCount, row.Values.Count); // clean precision-about

        var inputs = row.Values.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        inputs["age_years"] = candidate.AgeYears;
        inputs["admissions_12m"] = candidate.AdmissionsLastYear;
        inputs["ward"] = candidate.Ward;

        var response = await scoring.ScoreAsync(new ScoringRequest(Deployment, inputs) { Explain = true }, ct);
        ServerLatency.Record(response.ServerLatency.TotalMilliseconds, new KeyValuePair<string, object?>("model.version", response.ModelVersion)); // clean precision-names

        var band = response.Score >= EscalateThreshold ? CdssRiskBand.High
            : response.Score >= ReviewThreshold ? CdssRiskBand.Medium
            : CdssRiskBand.Low;
        span.SetCdssModelVersion(response.ModelVersion).SetCdssRiskBand(band).SetCdssOutcome("scored"); // clean generated-api
        span.Activity?.SetTag("cdss.score", Math.Round(response.Score, 3)); // clean precision-about
        _predictions.Add(1, response.ModelName, band); // clean generated-api

        // Model monitoring reads the inputs and the output together from the logs.
        logger.LogInformation("Model {Model} scored {Score:0.000} from inputs {Inputs}", response.ModelName, response.Score, inputs); // clean logging-objects

        var drivers = response.TopFeatures.OrderByDescending(f => Math.Abs(f.Contribution)).Take(3).ToList();
        logger.LogInformation("Top drivers: {Drivers}", string.Join(", ", drivers.Select(d => $"{d.Feature}={d.Value:0.##} ({d.Contribution:+0.00;-0.00})"))); // clean precision-about

        await predictions.AppendAsync(Deployment, candidate.HospitalNumber, inputs, response.Score, ct); // clean direct
        return new ReadmissionScore(candidate.HospitalNumber, response.Score, band, drivers, response.ModelVersion);
    }

    public void Publish(ReadmissionScore score, DischargeCandidate candidate, Activity? wardRound)
    {
        wardRound?.AddEvent(new ActivityEvent("readmission.scored", tags: new ActivityTagsCollection { ["band"] = score.Band.ToWireValue(), ["patient"] = score.HospitalNumber })); // leak TC1001 direct
        logger.LogInformation("Readmission score ready: {Score}", score); // leak TC1001 logging-objects
        if (score.Band == CdssRiskBand.High)
        {
            HighRisk(logger, score.Band.ToWireValue(), pseudonymizer.ComputeCdssPatientId(score.HospitalNumber)); // clean precision-pseudonym
            HighRiskNamed(logger, candidate.FamilyName, candidate.Ward); // leak TC1001 direct
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readmission risk {Band} for patient {PatientRef}")]
    private static partial void HighRisk(ILogger logger, string band, string patientRef);

    [LoggerMessage(Level = LogLevel.Warning, Message = "High readmission risk: {FamilyName} on {Ward}, pharmacist review booked")]
    private static partial void HighRiskNamed(ILogger logger, string familyName, string ward);
}
