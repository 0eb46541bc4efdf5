namespace PrivacyHoldout78.Gaming;

public sealed record ClanEvent(string ClanId, string ClanTag, Guid PlayerId, string Gamertag, string Kind);

public sealed record ChatLine(Guid MessageId, Guid AuthorId, string AuthorGamertag, string Text, string SourceCulture);

/// <summary>
/// Localises the system lines of clan chat ("Nyx joined [WOLF]") and translates players' chat
/// lines into the reader's language on request.
/// </summary>
public sealed class ClanChatLocaliser(IStringLocalizer<ClanChatLocaliser> localizer, ActivitySource source, Meter meter, ILogger<ClanChatLocaliser> logger)
{
    private readonly Counter<long> _translated = meter.CreateCounter<long>("arenacopy.chat.translated", "{line}");
    private readonly Dictionary<Guid, string> _recentAuthors = new();

    public string SystemLine(ClanEvent clanEvent, CultureInfo readerCulture)
    {
        CultureInfo.CurrentUICulture = readerCulture;
        var line = localizer["Clan." + clanEvent.Kind, clanEvent.Gamertag, clanEvent.ClanTag];
        Activity.Current?.SetTag("clan.event", clanEvent.Kind);
        Activity.Current?.SetTag("clan.tag", clanEvent.ClanTag); // clean precision-about
        logger.LogInformation("Clan system line {Line}", line); // leak TC1001 strings
        return line.Value;
    }

    public async Task<string> TranslateAsync(ChatLine chat, CultureInfo readerCulture, Func<string, string, string, Task<string>> translate)
    {
        using var span = source.StartArenacopyRender("chat.translate");
        span.SetArenacopyCulture(readerCulture.Name); // clean precision-about
        _recentAuthors[chat.MessageId] = chat.AuthorGamertag;
        _translated.Add(1, new KeyValuePair<string, object?>("from", chat.SourceCulture), new KeyValuePair<string, object?>("to", readerCulture.Name)); // clean precision-about
        var translated = await translate(chat.Text, chat.SourceCulture, readerCulture.Name);
        span.SetArenacopyNote(translated); // leak TC1001 generated-api
        var dedupe = HashCode.Combine(chat.AuthorId, chat.Text);
        span.Activity?.SetTag("chat.dedupe", dedupe); // leak TC1002 hashes
        return translated;
    }

    public void Report(Guid messageId, string reason) =>
        logger.LogWarning("Chat line {MessageId} reported ({Reason}); author {Author}", messageId, reason, _recentAuthors.GetValueOrDefault(messageId)); // leak TC1001 cross-member
}
