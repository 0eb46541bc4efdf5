namespace PrivacyHoldout203.Media;

/// <summary>Exit poll interviews from tablets at polling stations, read from a queue. Respondents may leave a phone number for a follow-up.</summary>
public sealed class ExitPollConsumer(
    IQueueReceiver<ExitPollInterview> interviews,
    Pseudonymizer pseudonymizer,
    ILogger<ExitPollConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.ExitPoll");
    private static readonly Meter Meter = new("Broadcaster.ExitPoll");
    private static readonly Counter<long> Interviews = Meter.CreateCounter<long>("exit_poll.interviews");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await interviews.ReceiveAsync(stoppingToken) is { } interview)
        {
            using var activity = Source.StartActivity("exit_poll.interview", ActivityKind.Consumer);
            activity?.SetTag("interview.id", interview.InterviewId); // clean precision-about
            activity?.SetTag("interview.station", interview.StationId); // clean precision-about
            activity?.SetTag("interview.age_band", interview.AgeBand); // clean precision-about
            activity?.SetTag("interview.choice", interview.Choice); // clean precision-about
            activity?.SetTag("interview.respondent_phone", interview.RespondentPhone); // leak TC1001 direct
            activity?.SetTag("interview.follow_up", interview.RespondentPhone.Length > 0); // clean precision-about
            activity?.SetTag("interviewer.id", interview.InterviewerId); // leak TC1001 direct
            activity?.SetTag("interviewer.pseudonym", pseudonymizer.Pseudonymize("interviewer", interview.InterviewerId).Value); // clean precision-pseudonym

            logger.LogInformation("Interview {@Interview}", interview); // leak TC1001 logging-objects
            logger.LogInformation("Interview {Interview}", interview with { RespondentPhone = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Interview {InterviewId} at {StationId}: {AgeBand} chose {Choice}", interview.InterviewId, interview.StationId, interview.AgeBand, interview.Choice); // clean precision-about

            Interviews.Add(1, new KeyValuePair<string, object?>("station", interview.StationId), new KeyValuePair<string, object?>("choice", interview.Choice)); // clean precision-about
            Interviews.Add(1, new KeyValuePair<string, object?>("interviewer", pseudonymizer.Pseudonymize("interviewer", interview.InterviewerId).Value)); // leak TC1003 precision-pseudonym
        }
    }
}
