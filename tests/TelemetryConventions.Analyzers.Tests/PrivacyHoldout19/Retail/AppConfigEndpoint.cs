using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout19.Retail;

public sealed record AppConfig(string MinimumVersion, bool CheckoutV2, string SupportChatUrl);

/// <summary><c>GET /v1/app-config?installationId=…&amp;appVersion=…&amp;locale=…</c>, called by the app at every start.</summary>
public static class AppConfigEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/v1/app-config", (Func<HttpContext, ILogger<AppConfig>, IResult>)Get);

    public static IResult Get(HttpContext http, ILogger<AppConfig> logger)
    {
        var query = http.Request.Query;
        var appVersion = query.TryGetValue("appVersion", out var v) ? v : "0.0.0";
        var locale = query.TryGetValue("locale", out var l) ? l : "en-GB";
        logger.LogDebug("App config requested: {Query}", http.Request.QueryString); // leak TC1001 strings
        logger.LogInformation("App config for version {AppVersion} in {Locale}", appVersion, locale); // clean precision-names
        var checkoutV2 = Version.TryParse(appVersion, out var version) && version >= new Version(5, 10);
        Activity.Current?.SetTag("app.config.checkout_v2", checkoutV2); // clean precision-about
        return TypedResults.Ok(new AppConfig("5.2.0", checkoutV2, "wss://chat.example.shop/support"));
    }
}
