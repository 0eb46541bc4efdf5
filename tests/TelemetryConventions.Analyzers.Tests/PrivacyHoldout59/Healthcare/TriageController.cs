using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using PrivacyCorpus.Shared;
using PrivacyHoldout59.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout59.Healthcare;

public interface IPatientAdministration
{
    Task<string> OpenEpisodeAsync(string hospitalNumber, string siteCode, CancellationToken cancellationToken);
}

[ApiController]
[Route("triage")]
public sealed class TriageController(
    ActivitySource source,
    Meter meter,
    TriageEnricher enricher,
    Pseudonymizer pseudonymizer,
    IOptions<TriageTelemetryOptions> options,
    IFeatureManager features,
    IPatientAdministration pas,
    ILogger<TriageController> logger) : ControllerBase
{
    private readonly Histogram<double> _waits = meter.CreateHistogram<double>("ed.triage.wait_seconds", "s");

    [HttpPost("assessments")]
    public async Task<ActionResult> Record([FromBody] TriageRequest request, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var span = source.StartTriageAssessment(pseudonymizer.PseudonymizeTriagePatientId(request.HospitalNumber), request.SiteCode); // clean precision-pseudonym
        span.SetTriageTrust(request.TrustCode).SetTriageAcuity(request.Acuity);
        enricher.Enrich(span.Activity, request); // leak TC1001 cross-member

        var profile = TrustTelemetryProfile.Defaults.FirstOrDefault(p => p.TrustCode == request.TrustCode);
        if (profile is not null)
        {
            TrustAttributeMapper.Apply(span.Activity, profile, request); // clean precision-about
            span.SetTriageNote("profile:" + TrustAttributeMapper.Describe(profile)); // clean generated-api
        }

        // Per-request dimensions the ED dashboards group by.
        var dims = new Dictionary<string, object?>
        {
            [o.AttributePrefix + "attendance"] = request.AttendanceId,
            [o.AttributePrefix + "complaint"] = request.ComplaintCode,
            [o.AttributePrefix + "minutes_waiting"] = (int)(DateTimeOffset.UtcNow - request.ArrivedAt).TotalMinutes,
            [o.AttributePrefix + "patient_ref"] = pseudonymizer.ComputeTriagePatientId(request.HospitalNumber),
        };
        foreach (var (key, value) in dims) span.Activity?.SetTag(key, value); // clean precision-pseudonym

        if (await features.IsEnabledAsync("triage.verbose-telemetry"))
        {
            span.Activity?.SetTag(o.AttributePrefix + "patient.mobile_present", !string.IsNullOrEmpty(request.MobileNumber)); // clean precision-about
            span.Activity?.SetTag(o.AttributePrefix + "patient.family_name", request.FamilyName); // leak TC1001 direct
            span.Activity?.SetTag(TriageAttributes.PatientContact, request.MobileNumber); // leak TC1001 generated-api
            span.Activity?.SetTag(o.AttributePrefix + "patient.nhs_number_length", request.NhsNumber.Length); // clean precision-about
        }

        TriageOutcome outcome;
        try
        {
            await pas.OpenEpisodeAsync(request.HospitalNumber, request.SiteCode, cancellationToken);
            outcome = request.Acuity <= 2 ? TriageOutcome.Resus : request.Acuity == 3 ? TriageOutcome.Majors : TriageOutcome.Minors;
        }
        catch (PasLookupException ex)
        {
            span.RecordException(ex).SetStatus(ActivityStatusCode.Error, "no open PAS episode"); // clean exceptions
            if (o.IncludeErrorDetail)
            {
                span.Activity?.SetTag(o.AttributePrefix + "error.detail", ex.Message); // leak TC1001 exceptions
            }
            logger.LogWarning(ex, "PAS lookup failed for attendance {AttendanceId}", request.AttendanceId); // leak TC1001 exceptions
            return NotFound("No open episode");
        }
        catch (SiteDivertException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning(ex, "Site {Site} on divert", request.SiteCode); // clean exceptions
            outcome = TriageOutcome.Redirected;
        }

        span.SetTriageOutcome(outcome);
        var note = string.Join(";", o.SpanDimensions.Where(TriageDimensions.Selectors.ContainsKey).Select(n => $"{n}={TriageDimensions.Selectors[n](request)}"));
        logger.LogTriageStreamedEvent(request.SiteCode, outcome, pseudonymizer.PseudonymizeTriagePatientId(request.HospitalNumber), request.Acuity, note); // leak TC1001 generated-api
        logger.LogTriageStreamedEvent(request.SiteCode, outcome, triageNote: $"dimensions={o.SpanDimensions.Count}"); // clean generated-api

        using (logger.BeginScope(enricher.LogState(request))) // clean precision-pseudonym
        {
            logger.LogInformation("Triage recorded at {Site} with acuity {Acuity}", request.SiteCode, request.Acuity); // clean precision-about
        }

        meter.CreateTriageAssessmentsCounter().Add(1, request.SiteCode, outcome, TriageArrivalModeValues.TryParse(request.ArrivalMode, out var mode) ? mode : TriageArrivalModeValue.Custom("unknown"), request.TrustCode); // clean precision-about
        _waits.Record((DateTimeOffset.UtcNow - request.ArrivedAt).TotalSeconds, enricher.MetricTags(request)); // clean cross-member
        return Ok(new { request.AttendanceId, Outcome = outcome.ToWireValue() });
    }
}

/// <summary>Refreshes the department board every minute and reconciles it with PAS.</summary>
public sealed class BoardRefreshJob(
    ActivitySource source,
    Meter meter,
    TriageEnricher enricher,
    IOptionsMonitor<TriageTelemetryOptions> options,
    ILogger<BoardRefreshJob> logger)
{
    private readonly Counter<long> _onBoard = meter.CreateCounter<long>("ed.board.patients");

    public void Refresh(string siteCode, IReadOnlyList<TriageRequest> waiting)
    {
        using var activity = source.StartActivity("ed.board.refresh");
        activity?.SetTag("ed.site", siteCode); // clean precision-about
        var patientCount = waiting.Count;
        activity?.SetTag("ed.board.patient_count", patientCount); // clean precision-names
        activity?.SetTag("ed.board.dimensions", string.Join(",", options.CurrentValue.SpanDimensions)); // clean precision-names

        foreach (var request in waiting)
        {
            _onBoard.Add(1, enricher.LegacyMetricTags(request)); // leak TC1003 cross-member
            var profile = TrustTelemetryProfile.Defaults.FirstOrDefault(p => p.TrustCode == request.TrustCode);
            if (profile is not null)
            {
                TrustAttributeMapper.ApplyUnfiltered(activity, profile, request); // leak TC1001 cross-member
            }
        }

        var breaches = waiting.Where(r => DateTimeOffset.UtcNow - r.ArrivedAt > TimeSpan.FromHours(4)).ToList();
        logger.LogWarning("{Count} four-hour breaches at {Site}", breaches.Count, siteCode); // clean precision-about
        logger.LogWarning("Breaching attendances: {Attendances}", breaches.Select(b => b.AttendanceId)); // clean logging-objects
        logger.LogWarning("Breaching patients: {Patients}", breaches.Select(b => b.HospitalNumber)); // leak TC1001 logging-objects
        logger.LogDebug("Board dimensions {@Dimensions}", breaches.Select(b => TriageDimensions.MetricSelectors.ToDictionary(s => s.Key, s => s.Value(b)))); // clean logging-objects
    }
}
