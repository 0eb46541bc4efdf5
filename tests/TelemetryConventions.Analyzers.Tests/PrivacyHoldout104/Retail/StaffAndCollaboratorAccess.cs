namespace PrivacyHoldout104.Retail;

public sealed record CollaboratorRequest(string ShopId, string PartnerId, string CollaboratorEmail, string CollaboratorName, string RequestCode, string Permissions);

/// <summary>
/// A merchant invites staff (each staff account is a billed seat), and agencies' collaborators ask for
/// access to a shop with the merchant's collaborator request code: cross-tenant access from the partner
/// organisation into the shop.
/// </summary>
public sealed partial class StaffAndCollaboratorAccess(
    IInvitationStore invitations,
    ISeatLedger seats,
    ISupportAccessStore grants,
    ITenantSettingsStore settings,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StaffAndCollaboratorAccess> logger)
{
    private static readonly ActivitySource Source = new("ShopKit.Staff");
    private static readonly Meter Meter = new("ShopKit.Staff");
    private static readonly ShopkitSeatsBilledCounter SeatsBilled = Meter.CreateShopkitSeatsBilledCounter();
    private static readonly Counter<long> CollaboratorRequests = Meter.CreateCounter<long>("shopkit.collaborator.requests");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collaborator {CollaboratorEmail} from partner {PartnerId} used a wrong request code")]
    private partial void LogWrongCode(string collaboratorEmail, string partnerId);

    public async Task InviteStaffAsync(string shopId, string email, string permissions, string ownerUserId)
    {
        using var span = Source.StartShopkitTenantAdmin(shopId);
        var limits = await settings.GetLimitsAsync(shopId);
        var active = await seats.ActiveSeatsAsync(shopId);
        if (active.Count >= limits.MaxSeats)
        {
            var full = new SeatLimitReachedException(shopId, "basic", limits.MaxSeats);
            logger.LogWarning(full, "Staff invitation refused"); // clean exceptions
            span.SetShopkitOutcome("seat_limit").SetShopkitNote(full.Message); // clean generated-api
            return;
        }

        var invitation = new TenantInvitation($"inv_{Guid.NewGuid():N}", shopId, email, permissions, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddDays(7), ownerUserId);
        await invitations.SaveAsync(invitation);
        span.SetShopkitInvitationId(invitation.Id).SetShopkitSeatCount(active.Count + 1); // clean generated-api
        span.Activity?.SetTag("shopkit.staff.invitee", email); // leak TC1001 direct
        logger.LogInformation("Staff invitation {InvitationId} with permissions {Permissions} for {Owner}", invitation.Id, permissions, pseudonymizer.ComputeShopkitUserId(ownerUserId)); // clean precision-pseudonym
        logger.LogInformation("Staff invitation token {Token}", invitation.Token); // leak TC1001 cross-member
        SeatsBilled.Add(1, shopId, null, "pending_invite"); // clean generated-api
    }

    public async Task<bool> RequestCollaboratorAccessAsync(CollaboratorRequest request)
    {
        using var span = Source.StartShopkitTenantAdmin(request.ShopId);
        var shopSettings = await settings.GetAsync(request.ShopId);
        span.Activity?.SetTag("shopkit.partner.id", request.PartnerId); // clean precision-names
        CollaboratorRequests.Add(1, new KeyValuePair<string, object?>("shopkit.partner.id", request.PartnerId)); // clean precision-names
        if (shopSettings["collaborators.request_code"] != request.RequestCode)
        {
            LogWrongCode(request.CollaboratorEmail, request.PartnerId); // leak TC1001 cross-member
            span.Activity?.SetTag("shopkit.collaborator.code_length", request.RequestCode.Length); // clean precision-about
            return false;
        }

        var grant = await grants.RequestAsync(new SupportAccessRequest(request.ShopId, request.CollaboratorEmail, $"collab-{request.PartnerId}", request.Permissions, TimeSpan.FromDays(30)));
        span.SetShopkitSupportGrantId(grant.GrantId); // clean generated-api
        span.Activity?.SetTag("shopkit.collaborator", $"{request.CollaboratorName} <{request.CollaboratorEmail}>"); // leak TC1001 strings
        span.Activity?.SetTag("shopkit.collaborator.permissions", request.Permissions); // clean precision-names
        logger.LogInformation("Collaborator request {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Collaborator request {Request}", request with { CollaboratorEmail = "", CollaboratorName = "", RequestCode = "" }); // clean logging-objects
        var fingerprint = BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(request.CollaboratorEmail)), 0, 4);
        span.Activity?.SetTag("shopkit.collaborator.fingerprint", fingerprint); // leak TC1002 hashes
        return true;
    }
}
