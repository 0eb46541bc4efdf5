using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout42.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout42.Energy;

public sealed record HouseholdMember(string AccountId, string Email, string DisplayName, string Role);

/// <summary>A home on the smart-home platform: its hub, its owner and the members who share its devices.</summary>
public sealed record Home(string HomeId, string HubSerial, string OwnerAccountId, IReadOnlyList<HouseholdMember> Members, string Plan);

public sealed record InviteMemberRequest(string Email, string Role);

public interface IHomeStore
{
    Task<Home?> GetAsync(string homeId, CancellationToken cancellationToken);

    Task RemoveMemberAsync(string homeId, string accountId, CancellationToken cancellationToken);
}

public interface IInviteMailer
{
    Task<Guid> SendInviteAsync(Home home, string email, string role, CancellationToken cancellationToken);
}

[ApiController]
[Route("homes/{homeId}/members")]
public sealed class HouseholdSharingController(
    IHomeStore homes,
    IInviteMailer mailer,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<HouseholdSharingController> logger) : ControllerBase
{
    [HttpPost("")]
    public async Task<ActionResult> Invite(string homeId, [FromBody] InviteMemberRequest request, CancellationToken cancellationToken)
    {
        var home = await homes.GetAsync(homeId, cancellationToken);
        if (home is null)
        {
            return NotFound();
        }

        var span = Activity.Current.EnrichHouseholdShare(pseudonymizer.PseudonymizeHouseholdId(home.HomeId)); // clean precision-pseudonym
        span.SetHouseholdMemberRole(request.Role); // clean generated-api
        Activity.Current?.SetTag("home.members.count", home.Members.Count); // clean precision-about
        Activity.Current?.SetTag("home.plan", home.Plan);

        if (home.Members.Any(m => string.Equals(m.Email, request.Email, StringComparison.OrdinalIgnoreCase)))
        {
            span.SetHouseholdNote($"{request.Email} is already a member"); // leak TC1001 generated-api
            return BadRequest("That person is already a member of this home.");
        }

        Activity.Current?.SetTag(HouseholdAttributes.MemberContact, pseudonymizer.Compute("household.member", request.Email)); // leak TC1001 precision-pseudonym
        var inviteId = await mailer.SendInviteAsync(home, request.Email, request.Role, cancellationToken);
        logger.LogHouseholdInviteSentEvent(request.Role, householdNote: $"invite {inviteId} sent"); // clean generated-api
        logger.LogInformation("Invite {InviteId} sent by {Inviter} to {Invitee}", inviteId, HttpContext.User.SubjectId, request.Email); // leak TC1001 direct
        meter.CreateHouseholdChangesCounter().Add(1, householdMemberRole: request.Role, householdOutcome: "invited"); // clean generated-api
        return Ok(new { inviteId });
    }

    [HttpPost("{accountId}/remove")]
    public async Task<ActionResult> Remove(string homeId, string accountId, CancellationToken cancellationToken)
    {
        var home = await homes.GetAsync(homeId, cancellationToken);
        var member = home?.Members.SingleOrDefault(m => m.AccountId == accountId);
        if (home is null || member is null)
        {
            return NotFound();
        }

        if (member.AccountId == home.OwnerAccountId)
        {
            return BadRequest("The owner cannot be removed; transfer the home first.");
        }

        Activity.Current.EnrichHouseholdShare(pseudonymizer.PseudonymizeHouseholdId(home.HomeId)).SetHouseholdMemberRole(member.Role); // clean precision-pseudonym
        Activity.Current?.SetTag(HouseholdAttributes.MemberContact, member.Email); // leak TC1001 generated-api
        await homes.RemoveMemberAsync(homeId, accountId, cancellationToken);
        meter.CreateHouseholdChangesCounter().Add(1, householdMemberRole: member.Role, householdOutcome: $"removed {member.DisplayName}"); // leak TC1003 generated-api
        logger.LogInformation("Hub {HubSerial} access revoked for one member of home {HomeRef}", home.HubSerial, pseudonymizer.ComputeHouseholdId(home.HomeId)); // leak TC1001 direct
        logger.LogInformation("Member removed; {Remaining} members left on the {Plan} plan", home.Members.Count - 1, home.Plan); // clean precision-about
        return Ok();
    }
}
