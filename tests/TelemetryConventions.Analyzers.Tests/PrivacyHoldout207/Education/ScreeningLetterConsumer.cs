using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Education;

public sealed record ScreeningLetter(string LetterId, string Upn, string PupilName, string ParentName, string ParentEmail, string Outcome);

/// <summary>Sends the outcome letters after a screening round; the queue holds one letter per pupil.</summary>
public sealed class ScreeningLetterConsumer(IQueueReceiver<ScreeningLetter> queue, ILogger<ScreeningLetterConsumer> logger, ActivitySource source, Meter meter) : BackgroundService
{
    private readonly List<string> _bounced = new();
    private int _sent;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var letter = await queue.ReceiveAsync(stoppingToken);
            if (letter is null)
            {
                Report();
                continue;
            }

            using var activity = source.StartActivity("screening.letter");
            activity?.SetTag("letter.id", letter.LetterId); // clean precision-names
            activity?.SetTag("letter.outcome", letter.Outcome); // clean precision-about
            activity?.SetTag("letter.parent_name_length", letter.ParentName.Length); // clean precision-about
            activity?.SetTag("letter.greeting", $"Dear {letter.ParentName}"); // leak TC1001 strings
            activity?.SetTag("letter.subject", string.Format("Screening result for {0}", letter.PupilName)); // leak TC1001 strings
            activity?.SetTag("letter.template", string.Format("screening-{0}", letter.Outcome)); // clean strings

            if (letter.ParentEmail.EndsWith(".invalid", StringComparison.Ordinal))
            {
                _bounced.Add(letter.ParentEmail);
                continue;
            }

            _sent++;
            meter.CreateSchoolsightOperationsCounter().Add(1, "letters", letter.Outcome); // clean generated-api
            meter.CreateSchoolsightOperationsCounter().Add(1, "letters", letter.PupilName); // leak TC1003 generated-api
        }
    }

    private void Report()
    {
        logger.LogInformation("Letters sent {Sent}, bounced {Bounced}", _sent, _bounced.Count); // clean cross-member
        logger.LogWarning("Bounced parent emails: {Emails}", _bounced); // leak TC1001 cross-member
    }
}

/// <summary>Pupils who failed a screen are offered a clinic appointment; the clinic refuses pupils not on the school roll.</summary>
public sealed class FollowUpBookingService(ILogger<FollowUpBookingService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("SchoolScreening.FollowUp");

    public string Book(string upn, string pupilName, string school, string clinicCode, DateOnly day)
    {
        using var activity = Source.StartActivity("followup.book");
        activity?.SetTag("followup.clinic", clinicCode); // clean precision-about
        activity?.SetTag("followup.day", day.ToString("yyyy-MM-dd")); // clean precision-about
        activity?.SetTag("followup.pupil", pseudonymizer.PseudonymizeSchoolsightClientId(upn)); // clean precision-pseudonym
        try
        {
            if (string.IsNullOrEmpty(school))
            {
                throw new PatientNotFoundException(upn);
            }

            if (day.DayOfWeek == DayOfWeek.Sunday)
            {
                throw new ClinicFullException(clinicCode, day);
            }
        }
        catch (PatientNotFoundException ex)
        {
            activity?.AddEvent(new ActivityEvent("followup.refused", tags: new ActivityTagsCollection { ["reason"] = ex.Message })); // leak TC1001 exceptions
            logger.LogWarning(ex, "Pupil not found at {School}", school); // leak TC1001 exceptions
            return "";
        }
        catch (ClinicFullException ex)
        {
            activity?.AddEvent(new ActivityEvent("followup.refused", tags: new ActivityTagsCollection { ["reason"] = ex.Message })); // clean exceptions
            logger.LogWarning(ex, "Clinic full"); // clean exceptions
            return "";
        }

        var reference = $"{school}-{clinicCode}-{day:MMdd}";
        activity?.SetTag("followup.reference", reference); // clean strings
        logger.LogInformation("Follow-up {Reference} for {Pupil}", reference, pupilName); // leak TC1001 direct
        logger.LogInformation("Follow-up booked at {School} on {Day}", school, day); // clean precision-about
        return reference;
    }
}
