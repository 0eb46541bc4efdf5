namespace PrivacyHoldout197.Gaming;

public sealed record PracticeSessionEnded(string SessionId, string PlayerId, string PlayerEmail, int ClipsPlayed, TimeSpan Played, string Platform);

/// <summary>Takes ended practice sessions off the queue and nudges learners who are close to the pass mark.</summary>
public sealed class PracticeSessionWorker(IQueueReceiver<PracticeSessionEnded> queue, Pseudonymizer pseudonymizer, ILogger<PracticeSessionWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Practice.Sessions");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ended = await queue.ReceiveAsync(stoppingToken);
            if (ended is null)
            {
                continue;
            }

            using var span = Source.StartHazardplayOperation("eu-west");
            span.SetHazardplayNote($"session {ended.SessionId} on {ended.Platform}, {ended.ClipsPlayed} clips"); // clean generated-api
            span.SetHazardplayNote($"session for {ended.PlayerEmail}"); // leak TC1001 generated-api
            logger.LogHazardplayOperationFailedEvent("eu-west", "short-session", pseudonymizer.PseudonymizeHazardplayCandidateId(ended.PlayerId), null); // clean generated-api
            Activity.Current?.SetTag("session.id", ended.SessionId); // clean precision-names
            Activity.Current?.SetTag("session.minutes", (int)ended.Played.TotalMinutes); // clean precision-about
            Activity.Current?.SetTag("session.platform", ended.Platform); // clean precision-names
            Activity.Current?.SetTag("session.player_email_domain", ended.PlayerEmail.Split('@')[^1]); // clean precision-about
            Activity.Current?.AddBaggage("player.id", ended.PlayerId); // leak TC1001 direct
            logger.LogInformation("Session ended {Session}", ended); // leak TC1001 logging-objects
            logger.LogInformation("Session ended {Session}", ended with { PlayerEmail = string.Empty }); // leak TC1001 logging-objects
            logger.LogInformation("Session {SessionId} ended after {Clips} clips", ended.SessionId, ended.ClipsPlayed); // clean precision-names
        }
    }
}
