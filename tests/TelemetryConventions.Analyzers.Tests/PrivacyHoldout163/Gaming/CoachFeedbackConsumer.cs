namespace PrivacyHoldout163.Gaming;

/// <summary>Coaches review players' replays and send feedback through a queue; the game keeps what they wrote.</summary>
public sealed class CoachFeedbackConsumer(
    IQueueReceiver<CoachFeedback> queue,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    ILogger<CoachFeedbackConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var feedback = await queue.ReceiveAsync(stoppingToken);
            if (feedback is null)
            {
                continue;
            }

            using var span = source.StartSimrigOperation(feedback.Venue);
            span.SetSimrigCoachId(pseudonymizer.PseudonymizeSimrigCoachId(feedback.CoachId)); // clean generated-api
            span.SetSimrigLapCount(feedback.LapsReviewed); // clean generated-api
            span.SetSimrigNote(feedback.Comment); // leak TC1001 generated-api
            span.SetSimrigNote($"{feedback.Comment.Length} characters of feedback"); // clean generated-api
            logger.LogInformation("Feedback from coach {Coach} for {Player}", feedback.CoachId, pseudonymizer.ComputeSimrigPlayerId(feedback.PlayerId.ToString())); // leak TC1001 direct
            logger.LogInformation("Feedback {Feedback}", feedback); // leak TC1001 logging-objects
            logger.LogInformation("Feedback on replay {Replay} with {Laps} laps", feedback.ReplayId, feedback.LapsReviewed); // clean precision-names
            Activity.Current?.SetTag(SimrigAttributes.Contact, feedback.PlayerEmail); // leak TC1001 generated-api
            Activity.Current?.SetTag("simrig.player.email.present", feedback.PlayerEmail is { Length: > 0 }); // clean precision-about
        }
    }
}

/// <summary>A coach's feedback. Prints coach id, player id, the player's email, replay, venue, laps and comment.</summary>
public sealed record CoachFeedback(string CoachId, Guid PlayerId, string PlayerEmail, string ReplayId, string Venue, int LapsReviewed, string Comment);
