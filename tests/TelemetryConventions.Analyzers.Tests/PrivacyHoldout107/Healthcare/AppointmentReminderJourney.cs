namespace PrivacyHoldout107.Healthcare;

/// <summary>An outpatient appointment due a reminder. Prints its members.</summary>
public sealed record DueAppointment(Guid AppointmentId, string HospitalNumber, string ClinicCode, string Specialty, DateTimeOffset StartsAt, string? Mobile, Guid CrmContactId);

/// <summary>Enters patients into the reminder journeys of the marketing platform (SMS 7 days and 1 day before).</summary>
public sealed class AppointmentReminderJourney(
    IMarketingClient marketing,
    Pseudonymizer pseudonymizer,
    ILogger<AppointmentReminderJourney> logger)
{
    private static readonly ActivitySource Source = new("Trust.Engagement.Reminders");
    private static readonly Meter Meter = new("Trust.Engagement.Reminders");
    private static readonly PtengageSendDurationHistogram Duration = Meter.CreatePtengageSendDurationHistogram();
    private static readonly Counter<long> Entered = Meter.CreateCounter<long>("ptengage.journey.entered");

    public async Task EnterAsync(DueAppointment appointment, string journeyId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartPtengageSend(journeyId);
        span.SetPtengageChannel("sms"); // clean precision-names
        span.SetPtengagePatientId(pseudonymizer.PseudonymizePtengagePatientId(appointment.HospitalNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("appointment.id", appointment.AppointmentId); // clean precision-names
        span.Activity?.SetTag("crm.contact.id", appointment.CrmContactId); // leak TC1001 direct

        if (string.IsNullOrEmpty(appointment.Mobile))
        {
            span.SetPtengageOutcome("no-mobile"); // clean precision-about
            logger.LogInformation("Appointment {AppointmentId} in {Clinic} has no mobile number on file", appointment.AppointmentId, appointment.ClinicCode); // clean precision-names
            return;
        }

        var properties = new Dictionary<string, object?>
        {
            ["clinic"] = appointment.ClinicCode,
            ["starts_at"] = appointment.StartsAt,
            ["specialty"] = appointment.Specialty,
        };

        try
        {
            var entry = await marketing.EnterJourneyAsync(journeyId, appointment.HospitalNumber, properties, cancellationToken);
            logger.LogInformation("Entered journey: {Entry}", entry); // leak TC1001 logging-objects
            logger.LogDebug("Journey properties {Properties}", properties); // clean logging-objects
            span.SetPtengageNote($"step {entry.StepId} for clinic {appointment.ClinicCode}"); // clean generated-api
            Entered.Add(1, new TagList { { "journey", journeyId }, { "specialty", appointment.Specialty } }); // clean precision-names
        }
        catch (MarketingApiException ex) when (ex.Status == 429)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            throw;
        }
        catch (MarketingApiException ex)
        {
            // A 400 quotes the external id it could not find: the hospital number.
            span.SetPtengageNote(ex.Message); // leak TC1001 generated-api
            logger.LogError(ex, "Journey {Journey} refused the entry ({Code})", journeyId, ex.Code); // leak TC1001 exceptions
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, journeyId, "sms"); // clean precision-names
        }
    }

    public void ReportDaily(IReadOnlyList<DueAppointment> due)
    {
        var withoutMobile = due.Where(a => a.Mobile is null).Select(a => a.HospitalNumber).ToList();
        logger.LogWarning("{Count} patients have no mobile: {Patients}", withoutMobile.Count, string.Join(", ", withoutMobile)); // leak TC1001 strings
        logger.LogInformation("Reminders due by clinic {Clinics}", due.GroupBy(a => a.ClinicCode).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        Entered.Add(due.Count, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputePtengagePatientId(due[0].HospitalNumber))); // leak TC1003 precision-pseudonym
    }
}
