using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Education;

public sealed record Application(
    string ApplicationId,
    string ApplicantEmail,
    string MobileNumber,
    string FullName,
    string CourseCode,
    bool RequestsFeeWaiver,
    string FingerprintRequestId);

public sealed record ScreeningSignal(string Code, int Weight);

/// <summary>
/// Screens online applications for "ghost students": batches of made-up applicants enrolled to
/// draw fee waivers and maintenance grants, usually from one device and disposable mailboxes.
/// </summary>
public sealed class EnrolmentFraudScreen(
    IDeviceFingerprintClient fingerprints,
    IVelocityStore velocity,
    IListStore lists,
    Pseudonymizer pseudonymizer,
    ILogger<EnrolmentFraudScreen> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Admissions.Screening");

    private readonly Counter<long> _signals = meter.CreateCounter<long>("admissions.screening.signals");

    public async Task<RiskDecision> ScreenAsync(Application application, CancellationToken ct)
    {
        using var activity = Source.StartActivity("admissions.screen");
        activity?.SetTag("admissions.application.id", application.ApplicationId); // clean direct
        activity?.SetTag("admissions.course", application.CourseCode);

        var signals = new List<ScreeningSignal>();
        var device = await fingerprints.IdentifyAsync(application.FingerprintRequestId, ct);
        activity?.SetTag("device.fingerprint.confidence", device.Confidence); // clean precision-about
        activity?.SetTag("device.visitor_id", device.VisitorId); // leak TC1001 direct

        var applicantsOnDevice = await velocity.AddDistinctAsync($"apps-per-device:{device.VisitorId}", application.ApplicantEmail, TimeSpan.FromDays(14), ct);
        activity?.SetTag("admissions.applicants_on_device", applicantsOnDevice); // clean precision-names
        if (applicantsOnDevice > 3)
        {
            signals.Add(new ScreeningSignal("many-applicants-one-device", 40));
            var others = await velocity.MembersAsync($"apps-per-device:{device.VisitorId}", ct);
            logger.LogWarning("Device {VisitorId} submitted applications for {Applicants}", device.VisitorId, string.Join("; ", others)); // leak TC1001 strings
        }

        var domain = new MailAddress(application.ApplicantEmail).Host;
        var disposable = await lists.MatchAsync("disposable-mail", "email_domain", domain, ct);
        if (disposable is not null)
        {
            signals.Add(new ScreeningSignal("disposable-mailbox", 25));
            logger.LogInformation("Applicant mailbox domain {Domain} is on list {List} (entry {EntryId})", domain, disposable.ListName, disposable.EntryId); // clean precision-about
        }

        var blocked = await lists.MatchAsync("admissions-blocked", "email", application.ApplicantEmail.ToLowerInvariant(), ct);
        if (blocked is not null)
        {
            signals.Add(new ScreeningSignal("blocked-applicant", 100));
            logger.LogWarning("Blocked applicant matched: {@Entry}", blocked); // leak TC1001 logging-objects
        }

        var score = signals.Sum(s => s.Weight);
        var decision = score >= 60 ? RiskDecision.Review : RiskDecision.Allow;
        foreach (var signal in signals)
        {
            _signals.Add(1, new KeyValuePair<string, object?>("signal", signal.Code), new KeyValuePair<string, object?>("fee_waiver", application.RequestsFeeWaiver)); // clean direct
        }

        var cohort = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(application.ApplicantEmail.ToLowerInvariant()))) % 10;
        activity?.SetTag("admissions.experiment.cohort", cohort); // leak TC1002 hashes

        Activity.Current?.EnrichRiskAssessment(decision).SetRiskScore(score / 100.0).SetRiskNote($"{signals.Count} signals, waiver={application.RequestsFeeWaiver}"); // clean generated-api
        logger.LogRiskRuleMatchedEvent("ghost-student", riskSubjectId: pseudonymizer.PseudonymizeRiskSubjectId(application.ApplicantEmail), riskNote: string.Join(",", signals.Select(s => s.Code))); // clean precision-pseudonym
        activity?.SetTag(RiskAttributes.SubjectContact, pseudonymizer.ComputeRiskSubjectId(application.ApplicantEmail)); // leak TC1001 precision-pseudonym
        return decision;
    }
}
