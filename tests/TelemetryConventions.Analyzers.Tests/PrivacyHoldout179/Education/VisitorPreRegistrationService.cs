namespace PrivacyHoldout179.Education;

/// <summary>Pre-registration of visiting speakers, inspectors and parents; a gRPC service the staff portal calls.</summary>
public sealed partial class VisitorPreRegistrationService(
    ILogger<VisitorPreRegistrationService> logger,
    IVisitorLog visitorLog,
    IHostNotifier notifier,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Trust.Schools.PreRegistration");
    private readonly List<string> _pendingEmails = new();

    public async Task<string> Register(PreRegistration request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("school.visitor.preregister");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("school.invite.id", request.InviteId); // clean precision-names
        activity?.SetTag("school.site", request.Site); // clean precision-names
        activity?.SetTag("school.visitor.email_domain", request.VisitorEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag("school.visitor.email", request.VisitorEmail); // leak TC1001 direct
        activity?.SetTag("school.host.staff_id", request.HostStaffId); // leak TC1001 direct
        activity?.SetTag("school.host.ref", pseudonymizer.ComputeSchoolgateHostId(request.HostStaffId)); // clean precision-pseudonym
        activity?.SetTag("school.visit.expected_hour", request.ExpectedAt.Hour); // clean precision-about
        activity?.SetBaggage("school.visitor", pseudonymizer.ComputeSchoolgateVisitorId(request.VisitorId)); // clean precision-pseudonym

        _pendingEmails.Add(request.VisitorEmail);
        logger.LogInformation("Pending invitations: {Count}", _pendingEmails.Count); // clean precision-about
        logger.LogInformation("Pending invitations: {Emails}", _pendingEmails); // leak TC1001 cross-member

        var visitor = await visitorLog.FindAsync(request.VisitorId, context.CancellationToken);
        if (visitor is null)
        {
            var ex = new VisitorNotFoundException(request.VisitorId);
            logger.LogWarning("Pre-registration refused: {Reason}", ex.Message); // leak TC1001 exceptions
            activity?.AddException(new KioskOfflineException("office-1")); // clean exceptions
            throw new RpcException("NOT_FOUND", "The visitor is not known");
        }

        var profile = new VisitorProfile { VisitorId = visitor.VisitorId, DisplayName = visitor.FullName, Email = visitor.Email, Company = visitor.Company };
        logger.LogInformation("Visitor profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Visitor from {Domain} at {Company}", profile.EmailDomain, profile.Company); // clean precision-about
        logger.LogInformation("Visitor {Name} from {Company}", profile.DisplayName, profile.Company); // leak TC1001 direct
        TraceHost(activity, request.HostStaffId); // leak TC1001 cross-member
        TraceHost(activity, pseudonymizer.ComputeSchoolgateHostId(request.HostStaffId)); // clean precision-pseudonym

        try
        {
            await notifier.NotifyAsync(new HostNotification(request.HostStaffId, $"{request.HostStaffId}@school.example", request.VisitorName, "Your visitor is booked"), context.CancellationToken);
        }
        catch (HostUnavailableException ex)
        {
            logger.LogError(ex, "Host could not be told"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(HostUnavailableException)); // clean exceptions
        }

        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.VisitorId))[0] & 3;
        activity?.SetTag("school.visitor.lane", lane); // clean hashes
        activity?.SetTag("school.visitor.bucket", HashCode.Combine(request.VisitorId) & 7); // leak TC1002 hashes
        return request.InviteId;
    }

    private static void TraceHost(Activity? activity, string hostStaffId)
    {
        activity?.SetTag("school.host", hostStaffId); // leak TC1001 direct
    }
}
