using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mapster;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;

namespace PrivacyHoldout62.Healthcare;

public sealed record CreateReferralRequest(
    string NhsNumber,
    string FamilyName,
    string GivenName,
    DateOnly DateOfBirth,
    string? ContactEmail,
    string? ContactMobile,
    string Specialty,
    string PracticeCode,
    string Priority,
    string ClinicalSummary);

/// <summary>The referral list's filters: what the booking clerk typed, a specialty and a status.</summary>
public sealed record ReferralSearchQuery : PageRequest
{
    public string? Term { get; init; }

    public string? Specialty { get; init; }

    public string? Status { get; init; }
}

public sealed record ReferralSummaryDto(string ReferralId, string Specialty, string Priority, string Status, DateTimeOffset ReceivedAt);

public sealed record ReferralView(string ReferralId, string NhsNumber, string FamilyName, string GivenName, string Specialty, string Priority, string Status, DateTimeOffset ReceivedAt, byte[] RowVersion);

public interface IReferralReadModel
{
    Task<ReferralView?> FindAsync(string referralId, CancellationToken cancellationToken);

    Task<PagedList<ReferralSummaryDto>> SearchAsync(ReferralSearchQuery query, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/referrals")]
public sealed class ReferralsController(ISender sender, IReferralReadModel readModel, ILogger<ReferralsController> logger) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Create([FromBody] CreateReferralRequest request, CancellationToken cancellationToken)
    {
        logger.LogInformation("Received referral request {@Request}", request); // leak TC1001 logging-objects
        Activity.Current?.SetTag("referral.practice", request.PracticeCode); // clean direct
        Activity.Current?.SetTag("referral.has_mobile", request.ContactMobile is not null); // clean precision-about

        var result = await sender.Send(request.Adapt<CreateReferralCommand>(), cancellationToken);
        if (result.IsInvalid)
        {
            var errors = result.ValidationErrors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
            var problem = new ValidationProblemDetails(errors) { Title = "The referral is not valid" };
            problem.Extensions["nhsNumber"] = request.NhsNumber; // clean direct
            logger.LogWarning("Referral from {PracticeCode} rejected with {ErrorCount} validation errors", request.PracticeCode, result.ValidationErrors.Count); // clean precision-about
            return ValidationProblem(problem);
        }

        if (!result.IsSuccess)
        {
            logger.LogWarning("Referral from {PracticeCode} refused: {ErrorCode}", request.PracticeCode, result.Error.Code); // clean precision-names
            return Problem(result.Error.Description, 422);
        }

        return CreatedAtAction(nameof(Get), new { referralId = result.Value!.ReferralId }, result.Value);
    }

    [HttpGet("{referralId}")]
    public async Task<ActionResult<ReferralSummaryDto>> Get([FromRoute] string referralId, CancellationToken cancellationToken)
    {
        var referral = await readModel.FindAsync(referralId, cancellationToken);
        if (referral is null)
        {
            logger.LogInformation("Referral {ReferralId} not found", referralId); // clean direct
            return NotFound();
        }

        Activity.Current?.SetTag("referral.etag", Convert.ToBase64String(referral.RowVersion)); // clean hashes
        logger.LogDebug("Returning referral {ReferralId} for {PatientName}", referralId, $"{referral.GivenName} {referral.FamilyName}"); // leak TC1001 strings
        return referral.Adapt<ReferralSummaryDto>();
    }

    [HttpGet]
    public async Task<ActionResult<PagedList<ReferralSummaryDto>>> Search([FromQuery] ReferralSearchQuery query, CancellationToken cancellationToken)
    {
        using var activity = ReferralsTelemetry.Source.StartActivity("referrals.search");
        activity?.SetTag("search.term", query.Term); // leak TC1001 direct
        activity?.SetTag("search.term_length", query.Term?.Length ?? 0); // clean precision-about
        activity?.SetTag("search.sort_by", query.SortBy ?? "receivedAt"); // clean precision-names
        activity?.SetTag("search.page_size", query.PageSize); // clean precision-about
        activity?.SetTag("search.filter", $"{query.Specialty ?? "any"}/{query.Status ?? "open"}"); // clean strings
        logger.LogInformation("Referral search {@Query}", query); // leak TC1001 logging-objects

        var started = Stopwatch.GetTimestamp();
        var page = await readModel.SearchAsync(query, cancellationToken);
        ReferralsTelemetry.SearchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, query.Specialty); // clean generated-api
        activity?.SetTag(ReferralsAttributes.Results, page.TotalCount); // clean precision-about
        logger.LogInformation("Search returned {Count} of {Total} referrals (page {Page} of {Pages})", page.Items.Count, page.TotalCount, page.Page, page.TotalPages); // clean precision-about
        return page;
    }
}
