using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Education;

/// <summary>A learner or teacher account of the learning platform, scoped to a school (the tenant).</summary>
public sealed class PlatformAccount
{
    public required Guid Id { get; init; }

    public required string SchoolUrn { get; init; }

    public required string UserName { get; set; }

    public required string StudentOrStaffNumber { get; init; }

    public string? PreferredName { get; set; }

    public string? YearGroup { get; set; }

    public bool Active { get; set; } = true;

    public bool IsStaff { get; init; }
}

public interface IAccountRepository
{
    Task<PlatformAccount?> FindAsync(string schoolUrn, Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlatformAccount>> WhereAsync(string schoolUrn, string attribute, string value, CancellationToken cancellationToken);

    Task AddAsync(PlatformAccount account, CancellationToken cancellationToken);

    Task SaveAsync(PlatformAccount account, CancellationToken cancellationToken);
}

/// <summary>
/// The platform's SCIM /Users endpoint, called by the schools' MIS connectors. One school per
/// bearer client; the connector's client id names the MIS vendor.
/// </summary>
public sealed class ScimUsersEndpoint(
    IAccountRepository accounts,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<ScimUsersEndpoint> logger)
{
    private readonly RosterScimRequestsCounter _requests = meter.CreateRosterScimRequestsCounter();

    public async Task<ScimListResponse<ScimUser>> ListAsync(ScimRequestContext request, string? filter, CancellationToken cancellationToken)
    {
        using var span = source.StartRosterScimRequest("User"); // clean generated-api
        span.SetRosterSchool(request.TenantId).SetRosterOperation(RosterOperation.Filter); // clean generated-api
        span.Activity?.SetTag("scim.client_id", request.ClientId); // clean direct
        logger.LogDebug("GET {Path}?{Query}", request.Path, request.QueryString); // leak TC1001 strings

        if (filter is null)
        {
            return new ScimListResponse<ScimUser>(0, 1, 0, []);
        }

        ScimFilter parsed;
        try
        {
            parsed = ScimFilter.Parse(filter);
        }
        catch (ScimException ex)
        {
            logger.LogRosterScimRejectedEvent("User", "invalid_filter", rosterNote: ex.Message); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.ScimType); // clean exceptions
            throw;
        }

        span.Activity?.SetTag("scim.filter.attribute", parsed.Attribute); // clean precision-names
        span.Activity?.SetTag("scim.filter.operator", parsed.Operator); // clean precision-names
        span.Activity?.SetTag("scim.filter.value", parsed.Value); // leak TC1001 direct
        var found = await accounts.WhereAsync(request.TenantId, parsed.Attribute, parsed.Value, cancellationToken);
        span.Activity?.SetTag("scim.results", found.Count); // clean precision-about
        logger.LogInformation("Filter {Attribute} {Operator} matched {Count} in {School}", parsed.Attribute, parsed.Operator, found.Count, request.TenantId); // clean precision-about
        if (found.Count > 1)
        {
            logger.LogWarning("Ambiguous {Filter}", parsed); // leak TC1001 logging-objects
        }
        _requests.Add(1, "User", RosterOperation.Filter, found.Count == 0 ? "not_found" : "ok"); // clean generated-api
        return new ScimListResponse<ScimUser>(found.Count, 1, found.Count, found.Select(ToScim).ToList());
    }

    public async Task<ScimUser> CreateAsync(ScimRequestContext request, ScimUser body, CancellationToken cancellationToken)
    {
        using var span = source.StartRosterScimRequest("User"); // clean generated-api
        span.SetRosterSchool(request.TenantId).SetRosterOperation(RosterOperation.Create); // clean generated-api

        var number = body.EmployeeNumber ?? body.ExternalId ?? throw new ScimException(400, "invalidValue", "employeeNumber or externalId is required");
        span.SetRosterUserId(pseudonymizer.PseudonymizeRosterUserId(number)); // clean precision-pseudonym

        var clash = await accounts.WhereAsync(request.TenantId, "userName", body.UserName, cancellationToken);
        if (clash.Count > 0)
        {
            var error = new ScimException(409, "uniqueness", $"userName '{body.UserName}' is already in use");
            span.RecordException(error, includeMessage: true); // leak TC1001 exceptions
            logger.LogRosterScimRejectedEvent("User", "conflict", pseudonymizer.PseudonymizeRosterUserId(number), body.DisplayName); // leak TC1001 generated-api
            _requests.Add(1, "User", RosterOperation.Create, "conflict"); // clean generated-api
            throw error;
        }

        var account = new PlatformAccount
        {
            Id = Guid.NewGuid(),
            SchoolUrn = request.TenantId,
            UserName = body.UserName,
            StudentOrStaffNumber = number,
            PreferredName = body.Name?.GivenName,
            Active = body.Active,
            IsStaff = body.Department == "staff",
        };
        await accounts.AddAsync(account, cancellationToken);

        span.Activity?.SetTag("roster.account.kind", account.IsStaff ? "staff" : "learner"); // clean precision-about
        span.Activity?.SetTag(RosterAttributes.UserEmail, body.Emails.FirstOrDefault()?.Value); // leak TC1001 generated-api
        span.Activity?.SetBaggage("roster.user", account.Id.ToString()); // leak TC1001 direct
        logger.LogInformation("Provisioned {Kind} with username length {Length} and {EmailCount} emails", account.IsStaff ? "staff" : "learner", body.UserName.Length, body.Emails.Count); // clean precision-about
        _requests.Add(1, "User", RosterOperation.Create, "created"); // clean generated-api
        return ToScim(account);
    }

    public async Task PatchAsync(ScimRequestContext request, Guid id, ScimPatchRequest patch, CancellationToken cancellationToken)
    {
        using var span = source.StartRosterScimRequest("User"); // clean generated-api
        span.SetRosterOperation(RosterOperation.Patch); // clean generated-api
        span.Activity?.SetTag("scim.if_match", request.IfMatch); // clean direct

        var account = await accounts.FindAsync(request.TenantId, id, cancellationToken)
            ?? throw new ScimException(404, "noTarget", $"User {id} not found");

        foreach (var op in patch.Operations)
        {
            switch (op.Op.ToLowerInvariant(), op.Path)
            {
                case ("replace", "active"):
                    account.Active = op.Value.GetBoolean();
                    span.Activity?.AddEvent(new ActivityEvent("scim.user.active", tags: new ActivityTagsCollection { ["active"] = account.Active })); // clean precision-about
                    break;
                case ("replace", "userName"):
                    var previous = account.UserName;
                    account.UserName = op.Value.GetString()!;
                    logger.LogInformation("Username changed from {Old} to {New}", previous, account.UserName); // leak TC1001 direct
                    break;
                case ("replace", "name.givenName"):
                    account.PreferredName = op.Value.GetString();
                    logger.LogDebug("Applied {Op} on {Path}", op.Op, op.Path); // clean precision-names
                    break;
                case ("replace", "urn:ietf:params:scim:schemas:extension:school:2.0:User:yearGroup"):
                    account.YearGroup = op.Value.GetString();
                    span.Activity?.SetTag("roster.year_group", account.YearGroup); // clean precision-about
                    break;
                default:
                    logger.LogWarning("Unsupported patch operation {Operation}", op); // leak TC1001 logging-objects
                    break;
            }
        }

        await accounts.SaveAsync(account, cancellationToken);
        span.SetRosterUserId(pseudonymizer.PseudonymizeRosterUserId(account.StudentOrStaffNumber)); // clean precision-pseudonym
        span.SetRosterOutcome(ExperimentBucket(account.StudentOrStaffNumber)); // leak TC1002 hashes
        _requests.Add(1, "User", RosterOperation.Patch, "ok"); // clean generated-api
    }

    private static ScimUser ToScim(PlatformAccount a) => new()
    {
        Id = a.Id.ToString(),
        UserName = a.UserName,
        EmployeeNumber = a.StudentOrStaffNumber,
        Active = a.Active,
    };

    /// <summary>The new-editor rollout: one bucket in ten, stable per learner.</summary>
    private static string ExperimentBucket(string number) =>
        $"editor-b{MD5.HashData(Encoding.UTF8.GetBytes(number))[0] % 10}";
}
