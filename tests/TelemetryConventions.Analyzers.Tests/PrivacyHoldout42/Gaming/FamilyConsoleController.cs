using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout42.Gaming;

public sealed record FamilyMember(Guid PlayerId, string Gamertag, string Role, int Age, decimal MonthlySpendLimit);

public sealed record FamilyGroup(Guid FamilyId, Guid OrganizerId, IReadOnlyList<FamilyMember> Members);

/// <summary>The console a family designates as its home console: games bought by one member play for all on it.</summary>
public sealed record HomeConsoleChange(string ConsoleId, string ConsoleName, string Model);

public sealed record PurchaseRequest(Guid RequestId, Guid ChildId, string ProductId, decimal Price);

public interface IFamilyStore
{
    Task<FamilyGroup?> GetAsync(Guid familyId, CancellationToken cancellationToken);

    Task SetHomeConsoleAsync(Guid familyId, HomeConsoleChange change, CancellationToken cancellationToken);

    Task<decimal> SpentThisMonthAsync(Guid playerId, CancellationToken cancellationToken);

    Task QueueForApprovalAsync(Guid familyId, PurchaseRequest request, CancellationToken cancellationToken);
}

public sealed class SpendLimitReachedException(string gamertag, decimal limit)
    : Exception($"{gamertag} has reached the monthly spend limit of {limit:0.00}");

[ApiController]
[Route("families/{familyId:guid}")]
public sealed class FamilyConsoleController(IFamilyStore families, Meter meter, ILogger<FamilyConsoleController> logger) : ControllerBase
{
    private readonly Histogram<double> _playMinutes = meter.CreateHistogram<double>("family.play.minutes", "min");
    private readonly Histogram<double> _childMinutes = meter.CreateHistogram<double>("family.child.play.minutes", "min");

    [HttpPost("home-console")]
    public async Task<ActionResult> SetHomeConsole(Guid familyId, [FromBody] HomeConsoleChange change, CancellationToken cancellationToken)
    {
        var family = await families.GetAsync(familyId, cancellationToken);
        if (family is null)
        {
            return NotFound();
        }

        var activity = Activity.Current;
        activity?.SetTag("console.id", change.ConsoleId); // leak TC1001 direct
        activity?.SetTag("console.name", change.ConsoleName); // leak TC1001 direct
        activity?.SetTag("console.model", change.Model); // clean precision-about
        activity?.SetTag("family.size", family.Members.Count); // clean precision-about
        await families.SetHomeConsoleAsync(familyId, change, cancellationToken);
        logger.LogInformation("Home console set for family {FamilyId}", familyId); // leak TC1001 direct
        return Ok();
    }

    [HttpPost("purchases")]
    public async Task<ActionResult> RequestPurchase(Guid familyId, [FromBody] PurchaseRequest request, CancellationToken cancellationToken)
    {
        var family = await families.GetAsync(familyId, cancellationToken) ?? throw new InvalidOperationException("Unknown family.");
        var child = family.Members.Single(m => m.PlayerId == request.ChildId);
        Activity.Current?.SetBaggage("family.child", child.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("family.child.role", child.Role); // clean precision-names

        var spent = await families.SpentThisMonthAsync(child.PlayerId, cancellationToken);
        if (spent + request.Price > child.MonthlySpendLimit)
        {
            throw new SpendLimitReachedException(child.Gamertag, child.MonthlySpendLimit); // leak TC1001 exceptions
        }

        await families.QueueForApprovalAsync(familyId, request, cancellationToken);
        var approvalLink = $"https://family.example.com/families/{familyId}/approvals/{request.RequestId}";
        Activity.Current?.AddEvent(new ActivityEvent("family.approval.requested", tags: new ActivityTagsCollection { ["family.approval.link"] = approvalLink })); // leak TC1001 strings
        logger.LogInformation("Purchase request {RequestId} for {ProductId} awaiting the organizer's approval", request.RequestId, request.ProductId); // clean precision-names
        return Ok(new { request.RequestId });
    }

    /// <summary>The console posts a session summary when a family member stops playing.</summary>
    [HttpPost("sessions")]
    public async Task<ActionResult> SessionEnded(Guid familyId, [FromBody] PlaySessionSummary summary, CancellationToken cancellationToken)
    {
        var family = await families.GetAsync(familyId, cancellationToken);
        var member = family?.Members.SingleOrDefault(m => m.PlayerId == summary.PlayerId);
        if (member is null)
        {
            return NotFound();
        }

        _playMinutes.Record(summary.Minutes, new KeyValuePair<string, object?>("family.age_band", AgeBand(member.Age)), new KeyValuePair<string, object?>("console.model", summary.ConsoleModel)); // clean precision-about
        if (member.Role == "child")
        {
            // Feeds the parents' screen-time dashboard, one series per child.
            _childMinutes.Record(summary.Minutes, new KeyValuePair<string, object?>("family.child", member.Gamertag)); // leak TC1003 direct
        }

        return Ok();
    }

    private static string AgeBand(int age) => age switch { < 8 => "under-8", < 13 => "8-12", < 18 => "13-17", _ => "adult" };
}

public sealed record PlaySessionSummary(Guid PlayerId, string ConsoleModel, double Minutes, string TitleId);
