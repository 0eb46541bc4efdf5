namespace PrivacyHoldout145.Transport;

/// <summary>What the captive portal's sign-in page posts.</summary>
public sealed record PortalSignIn(string DeviceMac, string Email, string ClientIp, string ApId, string Bssid, string TrainId, string Coach, bool MarketingOptIn);

/// <summary>
/// The onboard Wi-Fi's captive portal: a passenger signs in with an email, the portal lets the device's MAC
/// address through the train's gateway. Trains, coaches and access points are the operator's; a phone's MAC
/// address and the address it gets are the passenger's.
/// </summary>
public static class CaptivePortalEndpoints
{
    private static readonly ActivitySource Source = new("Rail.Wifi.Portal");

    public static EndpointRoutes MapCaptivePortal(this EndpointRoutes routes) => routes.MapPost("/portal/sign-in", SignInAsync);

    private static async Task<ActionResult> SignInAsync(PortalSignIn signIn, IPortalStore store, Func<string, bool> isBlocked, Pseudonymizer pseudonymizer, ILogger<PortalSignIn> logger, Meter meter, CancellationToken ct)
    {
        using var span = Source.StartOnboardwifiOperation(signIn.TrainId, "wifi.sign-in");
        Activity.Current?.SetTag("onboardwifi.ap.id", signIn.ApId); // clean precision-names
        Activity.Current?.SetTag("onboardwifi.ap.bssid", signIn.Bssid); // clean precision-names
        Activity.Current?.SetTag("onboardwifi.coach", signIn.Coach); // clean precision-about
        Activity.Current?.SetTag("onboardwifi.device.mac", signIn.DeviceMac); // leak TC1001 direct
        Activity.Current?.SetTag("client.address", signIn.ClientIp); // leak TC1001 direct
        var where = $"{signIn.TrainId}/{signIn.Coach}/{signIn.ApId}";
        Activity.Current?.SetTag("onboardwifi.location", where); // clean strings
        var sessionKey = $"{signIn.TrainId}:{signIn.DeviceMac}";
        logger.LogDebug("Gateway session key {SessionKey}", sessionKey); // leak TC1001 strings
        if (isBlocked(signIn.DeviceMac))
        {
            var blocked = new DeviceBlockedException(signIn.DeviceMac);
            span.RecordException(blocked, includeMessage: true); // leak TC1001 exceptions
            meter.CreateOnboardwifiLoginsCounter().Add(1, signIn.TrainId, "blocked"); // clean generated-api
            return new BadRequestResult("blocked");
        }

        var passengerId = await store.RegisterAsync(new WifiLogin(signIn.DeviceMac, signIn.Email, signIn.TrainId, signIn.Coach, DateTimeOffset.UtcNow), ct);
        span.SetOnboardwifiPassengerId(pseudonymizer.PseudonymizeOnboardwifiPassengerId(passengerId)); // clean precision-pseudonym
        Activity.Current?.SetTag(OnboardwifiAttributes.Contact, signIn.Email); // leak TC1001 generated-api
        logger.LogInformation("Signed in {SignIn}", signIn); // leak TC1001 logging-objects
        logger.LogInformation("Signed in on {TrainId} coach {Coach}, opted in: {OptIn}", signIn.TrainId, signIn.Coach, signIn.MarketingOptIn); // clean precision-about
        meter.CreateOnboardwifiLoginsCounter().Add(1, signIn.TrainId, signIn.DeviceMac); // leak TC1003 generated-api
        return new OkResult(passengerId);
    }
}
