namespace PrivacyHoldout128.Retail;

public sealed record InviteAdultForm(string Email, string FirstName, bool SharePaymentMethods);

/// <summary>An adult invites another adult to the household: shared payment methods, shared delivery pass, shared basket.</summary>
[ApiController]
[Route("household/invitations")]
public sealed class HouseholdInviteController(
    IHouseholdDirectory directory,
    IInvitationService invitations,
    Pseudonymizer pseudonymizer,
    ILogger<HouseholdInviteController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Shop.HouseholdInvites");
    private static readonly Meter Meter = new("Shop.HouseholdInvites");
    private static readonly FamshopInviteAcceptDurationHistogram AcceptHours = Meter.CreateFamshopInviteAcceptDurationHistogram();
    private static readonly Counter<long> Invites = Meter.CreateCounter<long>("shop.household.invites");

    [HttpPost]
    public async Task<ActionResult> Invite([FromBody] InviteAdultForm form)
    {
        var customerNumber = HttpContext.User.SubjectId!;
        using var span = Source.StartFamshopHouseholdChange("household-plus");
        span.SetFamshopDelegateId(pseudonymizer.PseudonymizeFamshopDelegateId(customerNumber)).SetFamshopRole("adult"); // clean precision-pseudonym
        var household = await directory.FindByMemberAsync(customerNumber);
        if (household is null)
        {
            logger.LogWarning("Customer {CustomerNumber} has no household", customerNumber); // leak TC1001 direct
            return new NotFoundResult("household");
        }

        var plan = await directory.PlanAsync(household.PlanCode);
        logger.LogInformation("Plan {Plan}", plan); // clean logging-objects
        Activity.Current?.SetTag("household.adults", household.Members.Count(m => m.Role is HouseholdRole.Owner or HouseholdRole.Adult)); // clean precision-about
        Activity.Current?.SetTag("household.owner", household.OwnerMemberId); // leak TC1001 cross-member
        Activity.Current?.SetTag("invite.shares_payment", form.SharePaymentMethods); // clean precision-about

        try
        {
            var invitation = await invitations.CreateAsync(household.HouseholdId, form.Email, customerNumber, HouseholdRole.Adult);
            Activity.Current?.SetTag("invite.id", invitation.InvitationId); // clean precision-names
            Activity.Current?.SetTag("invite.link", $"https://shop.example.com/household/join?token={invitation.RedeemToken}"); // leak TC1001 strings
            Activity.Current?.SetTag("invite.expires_in_days", (invitation.ExpiresAt - DateTimeOffset.UtcNow).Days); // clean precision-about
            logger.LogInformation("Invited {FirstName} to household", form.FirstName); // leak TC1001 direct
            Invites.Add(1, new KeyValuePair<string, object?>("plan", household.PlanCode)); // clean precision-names
            return new OkResult(invitation.InvitationId);
        }
        catch (HouseholdFullException ex)
        {
            logger.LogWarning(ex, "Household full"); // clean exceptions
            return new BadRequestResult("full");
        }
        catch (AlreadyInHouseholdException ex)
        {
            Activity.Current?.AddEvent(new ActivityEvent("invite.refused", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            Activity.Current?.AddEvent(new ActivityEvent("invite.refused.type", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
            return new BadRequestResult("already in a household");
        }
    }

    [HttpPost("{token}/accept")]
    public async Task<ActionResult> Accept(string token)
    {
        var invitation = await invitations.FindByTokenAsync(token);
        if (invitation is null)
        {
            logger.LogWarning("Unknown invitation token {Token}", token); // leak TC1001 direct
            logger.LogWarning("Unknown invitation token of length {Length}", token.Length); // clean precision-about
            return new NotFoundResult("invitation");
        }
        var result = await invitations.AcceptAsync(invitation, HttpContext.User.SubjectId!);
        AcceptHours.Record((DateTimeOffset.UtcNow - (invitation.ExpiresAt - TimeSpan.FromDays(7))).TotalHours, "household-plus", invitation.Role.ToString()); // clean precision-names
        TagInviter(invitation);
        return new OkResult(result);
    }

    private static void TagInviter(FamilyInvitation invitation)
    {
        Activity.Current?.SetTag("invite.invited_by", invitation.InvitedByMemberId); // leak TC1001 cross-member
    }
}
