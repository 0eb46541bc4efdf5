namespace PrivacyHoldout121.Media;

/// <summary>A print subscriber on a newsagent's round.</summary>
public sealed record RoundDrop(int Sequence, string SubscriptionNumber, string SubscriberName, Address Address, DeliveryInstructions Instructions);

/// <summary>Builds the newspaper delivery rounds for the print subscriptions and hears back from the carriers' app.</summary>
public sealed partial class PaperRoundService(Pseudonymizer pseudonymizer, ILogger<PaperRoundService> logger)
{
    private static readonly ActivitySource Source = new("Print.Subscriptions.Rounds");
    private static readonly Meter Meter = new("Print.Subscriptions.Rounds");
    private static readonly Counter<long> Complaints = Meter.CreateCounter<long>("print.round.complaints");

    public void Build(string roundId, string newsagent, string carrierStaffNumber, IReadOnlyList<RoundDrop> drops)
    {
        using var span = Source.StartDiscpostDelivery(roundId, "newsagent")
            .SetDiscpostRouteId(roundId) // clean precision-names
            .SetDiscpostStopCount(drops.Count) // clean precision-about
            .SetDiscpostDriverId(pseudonymizer.PseudonymizeDiscpostDriverId(carrierStaffNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("round.newsagent", newsagent); // clean precision-names
        span.Activity?.SetTag("round.safe_places", drops.Count(d => d.Instructions.Option != SafePlace.None)); // clean precision-about
        span.Activity?.SetTag("round.carrier_staff", carrierStaffNumber); // leak TC1001 direct

        foreach (var drop in drops.Where(d => d.Instructions.Note is not null))
        {
            LogInstruction(logger, drop.Sequence, drop.Instructions.Option, drop.Instructions.Note!); // leak TC1001 direct
            LogInstructionRedacted(logger, drop.Sequence, drop.Instructions.Note!); // clean logging-objects
            span.SetDiscpostSafePlace(drop.Instructions.Option.ToString()); // clean generated-api
        }
        logger.LogInformation("Round {RoundId}: {Instructions}", roundId, drops.Select(d => d.Instructions).ToList()); // leak TC1001 logging-objects
        logger.LogInformation("Round {RoundId} drops by safe place {Options}", roundId, drops.GroupBy(d => d.Instructions.Option).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
    }

    public void Complaint(RoundDrop drop, string roundId, string kind)
    {
        Complaints.Add(1, new KeyValuePair<string, object?>("round.id", roundId), new KeyValuePair<string, object?>("complaint.kind", kind)); // clean precision-names
        Complaints.Add(1, new KeyValuePair<string, object?>("complaint.subscription", drop.SubscriptionNumber)); // leak TC1003 direct
        logger.LogWarning("Complaint {Kind} from {Subscriber} on round {RoundId}", kind, drop.SubscriberName, roundId); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("round.complaint", tags: new ActivityTagsCollection { ["complaint.kind"] = kind, ["round.sequence"] = drop.Sequence })); // clean precision-names
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Debug, Message = "Drop {Sequence}: leave {Option}, note {Note}")]
    private static partial void LogInstruction(ILogger logger, int sequence, SafePlace option, string note);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Debug, Message = "Drop {Sequence}: note {Note}")]
    private static partial void LogInstructionRedacted(ILogger logger, int sequence, [PrivateData] string note);
}
