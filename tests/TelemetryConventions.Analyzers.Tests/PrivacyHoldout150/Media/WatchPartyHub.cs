namespace PrivacyHoldout150.Media;

public interface IPartyDirectory
{
    Task<WatchParty?> FindAsync(string partyId, CancellationToken cancellationToken = default);

    Task<int> SeatedAsync(string partyId, CancellationToken cancellationToken = default);
}

/// <summary>Open watch parties: strangers who like the same series join a party, watch in sync and chat.</summary>
public sealed class WatchPartyHub(IPartyDirectory parties, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<WatchPartyHub> logger)
{
    private readonly Counter<long> _joins = meter.CreateCounter<long>("casting.party.joins");
    private readonly Counter<long> _chatLines = meter.CreateCounter<long>("casting.party.chat_lines");
    private PartyChatLine? _lastFlaggedLine;

    public async Task<bool> JoinAsync(string partyId, string viewerAccountId, string displayName, CancellationToken cancellationToken)
    {
        using var span = source.StartCastingOperation("watch-party");
        span.SetCastingViewerId(pseudonymizer.PseudonymizeCastingViewerId(viewerAccountId)); // clean precision-pseudonym
        var party = await parties.FindAsync(partyId, cancellationToken);
        if (party is null)
        {
            return false;
        }

        span.SetCastingTitle(party.TitleId); // clean generated-api
        var seated = await parties.SeatedAsync(partyId, cancellationToken);
        try
        {
            if (seated >= party.Seats)
            {
                throw new PartyFullException(partyId, party.Seats);
            }
        }
        catch (PartyFullException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogInformation(ex, "Join refused for {Viewer}", displayName); // leak TC1001 direct
            return false;
        }

        Activity.Current?.SetTag("party.id", party.PartyId); // clean precision-names
        Activity.Current?.SetTag("party.host", party.HostAccountId); // leak TC1001 direct
        Activity.Current?.SetBaggage("party.viewer", viewerAccountId); // leak TC1001 direct
        _joins.Add(1, new KeyValuePair<string, object?>("party.title", party.TitleId), new KeyValuePair<string, object?>("party.region", party.Region)); // clean precision-about
        logger.LogInformation("{Party} gained a viewer", party); // leak TC1001 logging-objects
        logger.LogInformation("Party {PartyId} now has {Seated} of {Seats}", party.PartyId, seated + 1, party.Seats); // clean precision-about
        return true;
    }

    public void Chat(PartyChatLine line, bool flagged)
    {
        _chatLines.Add(1, new KeyValuePair<string, object?>("party.flagged", flagged)); // clean precision-about
        Activity.Current?.SetTag("party.chat.length", line.Text.Length); // clean precision-about
        if (flagged)
        {
            _lastFlaggedLine = line;
            Activity.Current?.AddEvent(new ActivityEvent("party.chat.flagged", tags: new ActivityTagsCollection { ["party.id"] = line.PartyId, ["party.chat.text"] = line.Text })); // leak TC1001 direct
            logger.LogCastingOperationFailedEvent("watch-party", "chat_flagged", castingNote: $"party {line.PartyId}"); // clean generated-api
        }
    }

    /// <summary>Called when a moderator opens the party's safety tab.</summary>
    public string SafetyTab()
    {
        Activity.Current?.SetTag("party.last_flagged.party", _lastFlaggedLine?.PartyId); // clean cross-member
        Activity.Current?.SetTag("party.last_flagged.by", _lastFlaggedLine?.DisplayName); // leak TC1001 cross-member
        return _lastFlaggedLine?.PartyId ?? "";
    }
}
