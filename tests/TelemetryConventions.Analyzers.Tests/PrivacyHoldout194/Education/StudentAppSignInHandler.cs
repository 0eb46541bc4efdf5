namespace PrivacyHoldout194.Education;

/// <summary>Students sign in to the young driver app with their university account.</summary>
public sealed class StudentAppSignInHandler(IAppIdentity identity, ILogger<StudentAppSignInHandler> logger)
{
    private static readonly ActivitySource Source = new("Campus.YoungDrivers.SignIn");

    private AppSignIn? _pending;

    public async Task<bool> HandleAsync(HttpContextInfo http, string appVersion, string platform, CancellationToken cancellationToken)
    {
        _pending = new AppSignIn(http.User.Email ?? string.Empty, http.RequestHeaders["X-Device-Id"], http.RequestHeaders["X-Forwarded-For"], appVersion, platform, false);
        using var activity = Source.StartActivity("young_driver.sign_in");
        activity?.SetTag("http.request_id", http.TraceIdentifier); // clean precision-names
        activity?.SetTag("enduser.id", http.User.SubjectId); // leak TC1001 direct
        activity?.SetTag("client.address", http.RequestHeaders["X-Forwarded-For"]); // leak TC1001 direct
        activity?.SetTag("user_agent.original", http.RequestHeaders["User-Agent"]); // clean precision-names
        activity?.SetTag("enduser.authenticated", http.User.IsAuthenticated); // clean precision-about
        var result = await identity.SignInAsync(_pending, cancellationToken);
        logger.LogInformation("Sign-in {Outcome} with {Method}", result.Succeeded, result.Method); // clean precision-about
        Audit();
        return result.Succeeded;
    }

    private void Audit()
    {
        logger.LogInformation("Sign-in audited for {Device}", _pending?.DeviceId); // leak TC1001 cross-member
        logger.LogInformation("Sign-in audited {SignIn}", _pending); // leak TC1001 cross-member
        logger.LogInformation("Sign-in audited on {Platform} {AppVersion}", _pending?.Platform, _pending?.AppVersion); // clean cross-member
    }
}
