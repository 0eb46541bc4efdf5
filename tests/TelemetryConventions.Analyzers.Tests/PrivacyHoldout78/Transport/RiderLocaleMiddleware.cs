namespace PrivacyHoldout78.Transport;

/// <summary>
/// Picks the request culture for the journey planner API: the rider's saved culture, then the
/// culture cookie, then Accept-Language, then en-GB, the way the localisation middleware's
/// providers are ordered.
/// </summary>
public sealed class RiderLocaleMiddleware(IPreferenceStore preferences, Pseudonymizer pseudonymizer, ILogger<RiderLocaleMiddleware> logger)
{
    private static readonly string[] Supported = ["en-GB", "cy-GB", "gd", "ga", "pl", "ar"];
    private static readonly ActivitySource Source = new("Rail.Locale");
    private readonly Counter<long> _providers = new Meter("Rail.Locale").CreateCounter<long>("transitcopy.culture.provider", "{request}");

    public async Task<RequestCulture> ResolveAsync(HttpContextInfo http, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("locale.resolve");
        var riderId = http.User.SubjectId;
        UserPreferences? prefs = riderId is null ? null : await preferences.GetAsync(riderId, cancellationToken);
        http.RequestHeaders.TryGetValue("Accept-Language", out var acceptLanguage);
        http.RequestHeaders.TryGetValue("User-Agent", out var userAgent);
        var (requested, provider) = prefs is not null ? (prefs.Culture, "profile") : acceptLanguage is not null ? (acceptLanguage.Split(',')[0], "header") : ("en-GB", "default");
        var resolution = CultureFallback.Resolve(requested, Supported);

        activity?.SetTag("locale.provider", provider); // clean precision-about
        activity?.SetTag("http.user_agent", userAgent); // clean precision-names
        activity?.SetTag("locale.resolved", resolution.Resolved); // clean precision-about
        activity?.SetTag("locale.rtl", resolution.IsRightToLeft);
        _providers.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("culture", resolution.Resolved)); // clean precision-about
        OpenTelemetry.Baggage.SetBaggage("ui.culture", resolution.Resolved); // clean precision-about

        if (riderId is not null)
        {
            OpenTelemetry.Baggage.SetBaggage("rider", riderId); // leak TC1001 direct
            activity?.SetTag(TransitcopyAttributes.RiderId, pseudonymizer.ComputeTransitcopyRiderId(riderId)); // clean precision-pseudonym
            if (prefs is null)
            {
                logger.LogInformation("Rider {Email} has no saved culture; using {Provider}", http.User.Email, provider); // leak TC1001 direct
            }
            else if (prefs.TimeZoneId != "Europe/London")
            {
                logger.LogInformation("Rider profile outside UK time: {@Preferences}", prefs); // leak TC1001 logging-objects
                logger.LogInformation("Rider profile in {TimeZone} with theme {Theme}", prefs.TimeZoneId, prefs.Theme); // clean precision-about
            }
        }
        return new RequestCulture(CultureInfo.GetCultureInfo(resolution.Resolved), CultureInfo.GetCultureInfo(resolution.Resolved), provider);
    }
}
