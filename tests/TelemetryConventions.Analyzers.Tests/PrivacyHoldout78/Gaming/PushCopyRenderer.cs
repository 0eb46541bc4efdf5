namespace PrivacyHoldout78.Gaming;

public sealed record PartyInvite(Guid InviteId, Guid FromPlayerId, string FromGamertag, Guid ToPlayerId, string ToCulture, string PushToken, string Platform);

/// <summary>
/// Renders the push notification for a party invite in the invitee's language. Gamertags are
/// wrapped in Unicode isolates so that a Latin handle reads correctly inside Arabic or Hebrew text.
/// </summary>
public sealed class PushCopyRenderer(
    IStringLocalizer<PushCopyRenderer> localizer,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PushCopyRenderer> logger)
{
    private const int TitleLimit = 48;
    private readonly Histogram<int> _titleLength = meter.CreateHistogram<int>("arenacopy.push.title_length", "{char}");

    public (string Title, string Body)? Render(PartyInvite invite)
    {
        using var span = source.StartArenacopyRender("push.party_invite");
        var culture = CultureInfo.GetCultureInfo(invite.ToCulture);
        var rtl = culture.TextInfo.IsRightToLeft;
        var handle = rtl ? "\u2068" + invite.FromGamertag + "\u2069" : invite.FromGamertag;
        CultureInfo.CurrentUICulture = culture;

        span.SetArenacopyPlayerId(pseudonymizer.PseudonymizeArenacopyPlayerId(invite.ToPlayerId.ToString())); // clean precision-pseudonym
        span.SetArenacopyCulture(culture.Name); // clean precision-about
        span.SetArenacopyChannel(invite.Platform); // clean precision-about
        span.Activity?.SetTag("push.invite_id", invite.InviteId); // clean precision-about
        span.Activity?.SetTag("push.rtl", rtl);

        var title = localizer["Push.PartyInvite.Title", handle].Value;
        var body = localizer["Push.PartyInvite.Body"].Value;
        _titleLength.Record(title.Length, new KeyValuePair<string, object?>("culture", culture.Name), new KeyValuePair<string, object?>("platform", invite.Platform)); // clean precision-about
        span.SetArenacopyMessageSubject(title); // leak TC1001 generated-api
        span.SetArenacopyNote(body); // clean generated-api

        if (title.Length > TitleLimit)
        {
            var error = new MessageTooLongException("push title", TitleLimit, title);
            span.RecordException(error, "push title over the platform limit", includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning("Push title over {Limit} in {Culture} ({Length} chars)", TitleLimit, culture.Name, title.Length); // clean precision-about
            return null;
        }

        logger.LogDebug("Push to token {PushToken} on {Platform}", invite.PushToken, invite.Platform); // leak TC1001 direct
        logger.LogInformation("Invite push rendered {@Invite}", invite); // leak TC1001 logging-objects
        logger.LogInformation("Invite push rendered {InviteId} {Culture} {TitleLength}", invite.InviteId, culture.Name, title.Length); // clean precision-about
        return (title, body);
    }
}
