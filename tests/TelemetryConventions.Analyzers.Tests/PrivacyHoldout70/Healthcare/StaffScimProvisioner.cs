using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout70.Healthcare;

/// <summary>A clinician as the HR system (ESR) exports them: staff number, names, UPN and roles.</summary>
public sealed record EsrClinician(
    string StaffNumber,
    string UserPrincipalName,
    string GivenName,
    string FamilyName,
    string JobRole,
    string Directorate,
    bool Leaver);

/// <summary>The SCIM client of one clinical application (EPR, PACS, e-obs).</summary>
public interface IAppScimClient
{
    string App { get; }

    Task<ScimUser?> FindByUserNameAsync(string userName, CancellationToken cancellationToken);

    Task<ScimUser> CreateAsync(ScimUser user, CancellationToken cancellationToken);

    Task PatchAsync(string id, ScimPatchRequest patch, CancellationToken cancellationToken);
}

/// <summary>
/// Pushes the trust's clinicians from ESR into each clinical app over SCIM: create when missing,
/// patch the role when it changed, deactivate leavers.
/// </summary>
public sealed class StaffScimProvisioner(
    IEnumerable<IAppScimClient> apps,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<StaffScimProvisioner> logger)
{
    private readonly StaffProvisionedCounter _provisioned = meter.CreateStaffProvisionedCounter();
    private readonly Counter<long> _retries = meter.CreateCounter<long>("staff.scim.retries");
    private string? _lastFailedUpn;

    public async Task ProvisionAsync(string trustCode, EsrClinician clinician, CancellationToken cancellationToken)
    {
        foreach (var app in apps)
        {
            using var span = source.StartStaffProvision(app.App); // clean generated-api
            span.SetStaffTenant(trustCode); // clean direct
            span.SetStaffMemberId(pseudonymizer.PseudonymizeStaffMemberId(clinician.StaffNumber)); // clean precision-pseudonym
            span.SetStaffRole(clinician.JobRole); // clean precision-about
            span.Activity?.SetBaggage("staff.upn", clinician.UserPrincipalName); // leak TC1001 direct

            try
            {
                var existing = await app.FindByUserNameAsync(clinician.UserPrincipalName, cancellationToken);
                if (existing is null)
                {
                    var created = await app.CreateAsync(ToScim(clinician), cancellationToken);
                    span.SetStaffOperation(StaffOperation.Create); // clean generated-api
                    span.Activity?.SetTag("scim.resource.id", created.Id); // leak TC1001 direct
                    logger.LogInformation("Created {App} account for {Upn}", app.App, clinician.UserPrincipalName); // leak TC1001 direct
                    _provisioned.Add(1, app.App, StaffOperation.Create, "created"); // clean generated-api
                    continue;
                }

                if (clinician.Leaver)
                {
                    await app.PatchAsync(existing.Id!, Deactivate(), cancellationToken);
                    span.SetStaffOperation(StaffOperation.Deactivate); // clean generated-api
                    span.SetStaffNote($"leaver deactivated in {app.App}, directorate {clinician.Directorate}"); // clean generated-api
                    logger.LogInformation("Deactivated {ScimUser} in {App}", existing, app.App); // leak TC1001 logging-objects
                    continue;
                }

                var patch = RolePatch(clinician);
                await app.PatchAsync(existing.Id!, patch, cancellationToken);
                logger.LogDebug("Patched {App} with {OperationCount} operations on paths {Paths}", app.App, patch.Operations.Count, patch.Operations.Select(o => o.Path)); // clean precision-names
                logger.LogDebug("Last operation for {App}: {Operation}", app.App, patch.Operations[^1]); // leak TC1001 logging-objects
                span.SetStaffOperation(StaffOperation.Patch); // clean generated-api
            }
            catch (ScimException ex) when (ex.ScimType == "uniqueness")
            {
                _lastFailedUpn = clinician.UserPrincipalName;
                span.SetStatus(ActivityStatusCode.Error, ex.ScimType); // clean exceptions
                logger.LogStaffProvisionFailedEvent(app.App, "rejected:uniqueness", pseudonymizer.PseudonymizeStaffMemberId(clinician.StaffNumber), $"userName {clinician.UserPrincipalName} already taken in {app.App}"); // leak TC1001 generated-api
                _provisioned.Add(1, app.App, StaffOperation.Create, $"conflict:{clinician.StaffNumber}"); // leak TC1003 generated-api
            }
            catch (HttpRequestException ex)
            {
                _retries.Add(1, new KeyValuePair<string, object?>("staff.app", app.App), new KeyValuePair<string, object?>("http.status", (int?)ex.StatusCode)); // clean direct
                _retries.Add(1, new KeyValuePair<string, object?>("staff.member", pseudonymizer.ComputeStaffMemberId(clinician.StaffNumber))); // leak TC1003 precision-pseudonym
                span.RecordException(ex); // clean exceptions
                logger.LogWarning(ex, "SCIM call to {App} failed for shard {Shard}", app.App, Shard(clinician.StaffNumber)); // clean hashes
            }
        }
    }

    public void ReportLastFailure() =>
        logger.LogWarning("Last uniqueness failure was for {Upn}", _lastFailedUpn); // leak TC1001 cross-member

    private ScimUser ToScim(EsrClinician c) => new()
    {
        UserName = c.UserPrincipalName,
        ExternalId = c.StaffNumber,
        Name = new ScimName(c.GivenName, c.FamilyName),
        DisplayName = $"{c.GivenName} {c.FamilyName}",
        Emails = [new ScimEmail(c.UserPrincipalName)],
        EmployeeNumber = c.StaffNumber,
        Department = c.Directorate,
    };

    private static ScimPatchRequest Deactivate() =>
        new([new ScimPatchOperation("replace", "active", System.Text.Json.JsonSerializer.SerializeToElement(false))]);

    private static ScimPatchRequest RolePatch(EsrClinician c) =>
        new([
            new ScimPatchOperation("replace", "title", System.Text.Json.JsonSerializer.SerializeToElement(c.JobRole)),
            new ScimPatchOperation("replace", "name.familyName", System.Text.Json.JsonSerializer.SerializeToElement(c.FamilyName)),
        ]);

    private int Shard(string staffNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(staffNumber))[0] % 16;
    }
}
