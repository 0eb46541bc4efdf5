using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout69.Healthcare;

public sealed record UpcomingAppointment(string AppointmentId, string NhsNumber, string Mobile, string Clinic, DateTime StartsAt, int PreviousDnas, int DistanceKm);

/// <summary>
/// Plans tomorrow's outpatient reminders: the no-show model scores every appointment, a contextual
/// bandit picks the channel (SMS, call, letter) and the wording experiment picks the text.
/// </summary>
public sealed class NoShowOutreach(
    IScoringClient scoring,
    IContextualBandit bandit,
    IExperimentClient experiments,
    Pseudonymizer pseudonymizer,
    ILogger<NoShowOutreach> logger)
{
    private const string WordingExperiment = "reminder-wording-2025q1";
    private static readonly ActivitySource Source = new("Trust.Outpatients.NoShow");
    private static readonly Meter Meter = new("Trust.Outpatients.NoShow");
    private static readonly Counter<long> Reminders = Meter.CreateCounter<long>("outpatients.reminders.planned");
    private static readonly Histogram<double> Propensity = Meter.CreateHistogram<double>("outpatients.noshow.propensity");
    private static readonly Counter<long> HighRisk = Meter.CreateCounter<long>("outpatients.noshow.high_risk");

    public async Task PlanAsync(IReadOnlyList<UpcomingAppointment> day, CancellationToken ct)
    {
        using var batch = Source.StartActivity("noshow.plan-day");
        batch?.SetTag("outpatients.patient_count", day.Select(a => a.NhsNumber).Distinct().Count()); // clean precision-names

        var requests = day.Select(a => new ScoringRequest("noshow-gbm", new Dictionary<string, object?>
        {
            ["previous_dnas"] = a.PreviousDnas,
            ["distance_km"] = a.DistanceKm,
            ["lead_days"] = (a.StartsAt - DateTime.Today).TotalDays,
            ["clinic"] = a.Clinic,
        }) { RequestId = a.AppointmentId }).ToList();

        IReadOnlyList<ScoringResponse> responses;
        try
        {
            responses = await scoring.ScoreBatchAsync(requests, ct);
        }
        catch (HttpRequestException ex)
        {
            batch?.AddException(ex); // clean exceptions
            logger.LogError(ex, "No-show model unreachable; {Count} appointments get the default SMS", day.Count); // clean exceptions
            return;
        }

        foreach (var (appointment, response) in day.Zip(responses))
        {
            Propensity.Record(response.Score, new KeyValuePair<string, object?>("clinic", appointment.Clinic)); // clean precision-about
            var choice = bandit.Choose("reminder-channel", new Dictionary<string, double> { ["p_noshow"] = response.Score, ["previous_dnas"] = appointment.PreviousDnas });
            var wording = experiments.Assign(WordingExperiment, appointment.NhsNumber);

            using var step = Source.StartActivity("noshow.remind");
            step?.SetTag("outpatients.appointment.id", appointment.AppointmentId); // clean precision-names
            step?.SetTag("bandit.decision_id", choice.DecisionId);
            step?.SetTag("bandit.arm", choice.Arm); // clean precision-about
            step?.SetTag("bandit.propensity", choice.Propensity);
            step?.SetTag("experiment.assignment", wording.ToString()); // leak TC1001 logging-objects
            step?.SetTag("experiment.arm", wording.Arm); // clean precision-about
            step?.SetTag("outpatients.reminder.plan", $"{appointment.Clinic}:{choice.Arm}:{wording.Arm}"); // clean strings
            step?.SetTag("experiment.cohort", WordingCohort(appointment.NhsNumber)); // leak TC1002 hashes
            Reminders.Add(1, new KeyValuePair<string, object?>("channel", choice.Arm), new KeyValuePair<string, object?>("wording", wording.Arm)); // clean precision-about

            if (choice.Arm == "phone-call")
            {
                logger.LogInformation("Call list: {Mobile} for {Clinic} at {StartsAt:t}", appointment.Mobile, appointment.Clinic, appointment.StartsAt); // leak TC1001 direct
                step?.SetTag(CdssAttributes.PatientContact, appointment.Mobile); // leak TC1001 generated-api
            }

            if (response.Score > 0.5)
            {
                HighRisk.Add(1, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeCdssPatientId(appointment.NhsNumber))); // leak TC1003 precision-pseudonym
                logger.LogInformation("High no-show risk {Score:0.00} for {PatientRef} at {Clinic}", response.Score, pseudonymizer.ComputeCdssPatientId(appointment.NhsNumber), appointment.Clinic); // clean precision-pseudonym
            }
        }
    }

    /// <summary>The analysts' cohort for the wording test: recomputable from the NHS number alone.</summary>
    private static int WordingCohort(string nhsNumber) =>
        MD5.HashData(Encoding.UTF8.GetBytes(WordingExperiment + ":" + nhsNumber))[0] % 2;
}
