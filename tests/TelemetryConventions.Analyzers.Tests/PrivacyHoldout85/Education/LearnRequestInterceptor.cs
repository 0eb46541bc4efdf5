namespace PrivacyHoldout85.Education;

/// <summary>Copies the signed-in user's claims into the request's global state, for the resolvers.</summary>
public sealed partial class LearnRequestInterceptor(ILogger<LearnRequestInterceptor> logger) : DefaultHttpRequestInterceptor
{
    public override ValueTask OnCreateAsync(HttpContextInfo context, GraphQLUser user, OperationRequestBuilder requestBuilder, CancellationToken cancellationToken)
    {
        var school = user.FindFirstValue("school_urn") ?? "unknown";
        var role = user.Roles.FirstOrDefault() ?? "none";
        requestBuilder.SetGlobalState("school", school).SetGlobalState("studentNumber", user.FindFirstValue("upn"));
        Activity.Current?.SetBaggage("learn.school", school); // clean precision-about
        Activity.Current?.SetBaggage("learn.upn", user.FindFirstValue("upn")); // leak TC1001 direct
        Activity.Current?.SetTag("enduser.role", role); // clean precision-about
        Activity.Current?.SetTag("learn.user.email_domain", user.Email?.Split('@')[^1]); // clean precision-about
        UserSignedIn(logger, user.Email ?? "?", role); // clean precision-pseudonym
        if (!user.IsAuthenticated)
        {
            logger.LogInformation("Anonymous request; trace {TraceId}, user agent {UserAgent}", context.TraceIdentifier, context.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : null); // clean precision-names
        }
        else if (user.IsInRole("guardian"))
        {
            logger.LogInformation("Guardian {Email} signed in for school {School}", user.Email, school); // leak TC1001 direct
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Request by {Email} as {Role}")]
    private static partial void UserSignedIn(ILogger logger, [PrivateData] string email, string role);
}

/// <summary>Authorization for the <c>@authorize(policy: "TeacherOrGuardianOfStudent")</c> directive.</summary>
public sealed class StudentAccessAuthorizationHandler(ILogger<StudentAccessAuthorizationHandler> logger, Meter meter) : IAuthorizationHandler
{
    private readonly Counter<long> _denials = meter.CreateCounter<long>("learn.authorization.denials");

    public ValueTask<AuthorizeResult> AuthorizeAsync(IMiddlewareContext context, AuthorizeDirective directive, CancellationToken cancellationToken)
    {
        var studentNumber = context.ArgumentValue<string>("studentNumber");
        var linked = context.User.Claims.TryGetValue("linked_upns", out var upns) && upns.Split(' ').Contains(studentNumber);
        if (context.User.IsInRole("teacher") || linked)
        {
            return ValueTask.FromResult(AuthorizeResult.Allowed);
        }

        _denials.Add(1, new KeyValuePair<string, object?>("policy", directive.Policy), new KeyValuePair<string, object?>("field", context.Selection.Field.Coordinate.ToString())); // clean precision-names
        _denials.Add(1, new KeyValuePair<string, object?>("requested_upn", studentNumber)); // leak TC1003 direct
        logger.LogWarning("Policy {Policy} denied {User} access to {Path}", directive.Policy, context.User.SubjectId, context.Path); // leak TC1001 direct
        Activity.Current?.SetStatus(ActivityStatusCode.Error, $"{ErrorCodes.NotAuthorized}: {directive.Policy}"); // clean precision-about
        return ValueTask.FromResult(AuthorizeResult.NotAllowed);
    }
}
