namespace PrivacyHoldout78.Gaming;

public sealed record LocaleHello(Guid PlayerId, string ClientCulture, string? AcceptLanguage, string TimeZoneId, string[] Fonts, string ClientVersion);

/// <summary>
/// The first message a game client sends after sign-in: its culture, time zone and installed
/// fonts. The server picks the language pack and tells the client which fallback it used.
/// </summary>
public sealed partial class ClientLocaleHandshake(Pseudonymizer pseudonymizer, ILogger<ClientLocaleHandshake> logger)
{
    private static readonly string[] Packs = ["en", "fr", "de", "es", "pt-BR", "ja", "ko", "zh-Hans", "ar", "tr"];
    private static readonly ActivitySource Source = new("Arena.Locale");
    private readonly ConcurrentDictionary<string, int> _unsupported = new();

    public CultureResolution Negotiate(LocaleHello hello)
    {
        using var activity = Source.StartActivity("locale.negotiate");
        var resolution = CultureFallback.Resolve(hello.ClientCulture, Packs);
        activity?.SetTag("locale.requested", hello.ClientCulture); // clean precision-about
        activity?.SetTag("locale.accept_language", hello.AcceptLanguage); // clean precision-about
        activity?.SetTag("locale.time_zone", hello.TimeZoneId); // clean precision-about
        logger.LogDebug("Locale resolved {@Resolution}", resolution); // clean logging-objects
        LogResolved(logger, pseudonymizer.ComputeArenacopyPlayerId(hello.PlayerId.ToString()), resolution.Resolved, resolution.Depth); // clean precision-pseudonym

        if (resolution.Depth > 0)
        {
            _unsupported.AddOrUpdate(hello.ClientCulture, 1, (_, n) => n + 1);
            logger.LogInformation("Client {ClientVersion} asked for unsupported {Culture}: {Hello}", hello.ClientVersion, hello.ClientCulture, hello); // leak TC1001 logging-objects
        }
        if (!hello.Fonts.Contains("NotoSansArabic") && resolution.IsRightToLeft)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"client lacks an Arabic font for {resolution.Resolved}"); // clean exceptions
            logger.LogWarning("Player {PlayerId} lacks an Arabic font", hello.PlayerId); // leak TC1001 direct
        }
        activity?.SetTag("locale.fallback_chain", string.Join(">", resolution.Chain)); // clean precision-about
        return resolution;
    }

    public void Report() =>
        logger.LogInformation("Unsupported cultures asked for: {Cultures}", string.Join(", ", _unsupported.Select(p => $"{p.Key}={p.Value}"))); // clean precision-about

    [LoggerMessage(Level = LogLevel.Debug, Message = "Locale pack {Pack} for player {Player} (fallback depth {Depth})")]
    private static partial void LogResolved(ILogger logger, string player, string pack, int depth);
}
