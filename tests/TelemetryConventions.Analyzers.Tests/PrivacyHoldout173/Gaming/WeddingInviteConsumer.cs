namespace PrivacyHoldout173.Gaming;

/// <summary>Consumes in-game wedding invitations a player sends friends (the topic is keyed by the inviting player's id).</summary>
public sealed class WeddingInviteConsumer(
    IConsumer<Guid, WeddingInvite> consumer,
    ILogger<WeddingInviteConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Social.Invites");
    private static readonly Meter Meter = new("Studio.Social.Invites");

    private WeddingInvite? _lastBounced;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var operations = Meter.CreateRealmeventsOperationsCounter();
        var durations = Meter.CreateRealmeventsOperationDurationHistogram();
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                await Task.Delay(250, stoppingToken);
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var invite = result.Message.Value;
            using var span = Source.StartRealmeventsOperation(invite.Realm);
            span.SetRealmeventsItemCount(invite.InviteeTags.Count); // clean generated-api
            span.SetRealmeventsGuestId(pseudonymizer.PseudonymizeRealmeventsGuestId(result.Message.Key.ToString())); // clean generated-api
            Activity.Current?.SetTag("messaging.message.key", result.Message.Key.ToString()); // leak TC1001 direct
            Activity.Current?.SetTag("messaging.destination", result.Topic); // clean precision-names

            if (invite.InviteeTags.Count > 50)
            {
                _lastBounced = invite;
                span.SetRealmeventsNote("too many invitees: " + string.Join(",", invite.InviteeTags)); // leak TC1001 generated-api
                operations.Add(1, invite.Realm, "bounced"); // clean generated-api
            }
            else
            {
                logger.LogInformation("Invite {InviteId} to {Count} players in {Realm}", invite.InviteId, invite.InviteeTags.Count, invite.Realm); // clean precision-about
                operations.Add(1, invite.Realm, invite.InviteeTags.FirstOrDefault()); // leak TC1003 generated-api
            }
            durations.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, invite.Realm); // clean generated-api
            consumer.Commit(result);
        }
    }

    public void Decline(WeddingInvite invite, string declinerTag, bool alreadyWed)
    {
        using var activity = Source.StartActivity("social.invite.decline");
        activity?.SetTag("social.invite", $"{invite.Realm}:{invite.InviteId}:{invite.InviteeTags.Count}"); // clean strings
        var declinerKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(declinerTag)));
        activity?.SetTag("social.decliner", declinerKey); // leak TC1002 hashes
        if (alreadyWed)
        {
            var ex = new AlreadyWedException(declinerTag);
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogInformation("Invite {InviteId} declined: {ErrorType}", invite.InviteId, ex.GetType().Name); // clean exceptions
        }
        logger.LogInformation("Invite {InviteId} declined by {Decliner}", invite.InviteId, declinerTag); // leak TC1001 direct
    }

    public void Report()
    {
        logger.LogWarning("Last bounced invite {Invite}", _lastBounced); // clean cross-member
        logger.LogWarning("Last bounced invitees {Invitees}", string.Join(", ", _lastBounced?.InviteeTags ?? [])); // leak TC1001 cross-member
    }
}

/// <summary>An in-game wedding invitation: invite id, the realm and the gamertags of the invited friends.</summary>
public sealed record WeddingInvite(string InviteId, string Realm, IReadOnlyList<string> InviteeTags);
