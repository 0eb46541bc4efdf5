namespace PrivacyHoldout83.Education;

/// <summary>
/// Consumes the CSAT answers students give after an enquiry is solved and feeds the desk's quality
/// dashboard; low scores with a comment open a review task.
/// </summary>
public sealed class CsatSurveyConsumer(
    IConsumer<string, CsatResponse> consumer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CsatSurveyConsumer> logger) : BackgroundService
{
    private readonly Counter<long> _answers = meter.CreateCounter<long>("deskhelp.csat.answers", "{answer}");
    private readonly List<string> _reviewQueue = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            Handle(result.Message.Value, result.Message.Key);
            consumer.Commit(result);
        }
        return Task.CompletedTask;
    }

    private void Handle(CsatResponse answer, string studentNumber)
    {
        using var activity = source.StartActivity("deskhelp.csat");
        activity?.SetTag("deskhelp.csat.score", answer.Score); // clean precision-about
        activity?.SetTag("deskhelp.survey.id", answer.SurveyId); // clean precision-about
        activity?.SetTag("deskhelp.csat.commented", !string.IsNullOrWhiteSpace(answer.Comment)); // clean precision-about
        activity?.SetTag("deskhelp.student", pseudonymizer.ComputeDeskhelpRequesterId(studentNumber)); // clean precision-pseudonym
        _answers.Add(1, new KeyValuePair<string, object?>("score", answer.Score), new KeyValuePair<string, object?>("ticket", answer.TicketId)); // clean precision-about
        _answers.Add(0, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeDeskhelpRequesterId(studentNumber))); // leak TC1003 precision-pseudonym

        logger.LogInformation("CSAT {Score} for ticket {TicketId}", answer.Score, answer.TicketId);
        logger.LogDebug("CSAT answer {Answer}", answer); // leak TC1001 logging-objects

        if (answer.Score <= 2 && answer.Comment is { Length: > 0 } comment)
        {
            activity?.AddEvent(new ActivityEvent("deskhelp.csat.low", tags: new ActivityTagsCollection { ["comment"] = comment })); // leak TC1001 direct
            _reviewQueue.Add($"{answer.TicketId}: {answer.RespondentEmail} said \"{comment}\"");
            logger.LogWarning("Low CSAT queued for review by the desk lead; {Waiting} in the queue", _reviewQueue.Count); // clean precision-about
        }
    }

    public void FlushReview()
    {
        foreach (var line in _reviewQueue)
        {
            logger.LogInformation("Review: {Line}", line); // leak TC1001 cross-member
        }
        logger.LogInformation("Review list: {Lines}", string.Join(" | ", _reviewQueue.Select(l => l.Split(':')[0]))); // clean precision-about
        _reviewQueue.Clear();
    }
}
