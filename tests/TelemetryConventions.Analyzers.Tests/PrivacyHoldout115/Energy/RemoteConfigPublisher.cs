using RemoteConfigKit;

namespace PrivacyHoldout115.Energy;

/// <summary>
/// Publishes the customer app's Remote Config template from the ops console: the outage banner, the
/// meter-reading reminder's wording, and conditions that let the support team see features early.
/// </summary>
public sealed class RemoteConfigPublisher(IRemoteConfigClient remoteConfig, Pseudonymizer pseudonymizer, ILogger<RemoteConfigPublisher> logger)
{
    private static readonly ActivitySource Source = new("Supplier.RemoteConfig");

    public async Task PublishOutageBannerAsync(string staffId, string regionCode, string message, CancellationToken ct)
    {
        using var span = Source.StartGridflagChange("outage_banner").SetGridflagOperatorId(pseudonymizer.PseudonymizeGridflagOperatorId(staffId)); // clean precision-pseudonym
        var template = await remoteConfig.GetTemplateAsync(ct);
        template.Conditions.Add(new RemoteConfigCondition($"region_{regionCode}", $"app.userProperty['region'] == '{regionCode}'"));
        template.Parameters["outage_banner"] = new RemoteConfigParameter { Description = "Outage banner", ConditionalValues = { [$"region_{regionCode}"] = new ParameterValue(message) } };
        try
        {
            var published = await remoteConfig.PublishTemplateAsync(template, ct);
            span.SetGridflagOutcome("published").SetGridflagNote($"version {published.Version?.VersionNumber}, region {regionCode}"); // clean generated-api
            logger.LogInformation("Remote Config version {Version} published by {Email}", published.Version?.VersionNumber, published.Version?.UpdateUser.Email); // leak TC1001 cross-member
            logger.LogInformation("Remote Config version {Version} via {Origin} ({Type})", published.Version?.VersionNumber, published.Version?.UpdateOrigin, published.Version?.UpdateType); // clean precision-names
            logger.LogDebug("Published version {Version}", published.Version); // leak TC1001 logging-objects
        }
        catch (RemoteConfigException ex)
        {
            span.RecordException(ex, includeMessage: true).SetStatus(ActivityStatusCode.Error, ex.ErrorCode); // clean exceptions
            logger.LogError(ex, "Publishing the outage banner for {Region} failed", regionCode); // clean exceptions
            throw;
        }
    }

    public async Task AddEarlyAccessAsync(string staffId, IReadOnlyList<string> accountNumbers, CancellationToken ct)
    {
        var template = await remoteConfig.GetTemplateAsync(ct);
        var expression = "app.userProperty['account'] in [" + string.Join(", ", accountNumbers.Select(a => $"'{a}'")) + "]";
        var condition = new RemoteConfigCondition("support_early_access", expression);
        template.Conditions.RemoveAll(c => c.Name == condition.Name);
        template.Conditions.Add(condition);
        await remoteConfig.ValidateTemplateAsync(template, ct);

        Activity.Current?.SetTag("remote_config.condition", condition.Name); // clean precision-names
        Activity.Current?.SetTag("remote_config.condition.accounts", accountNumbers.Count); // clean precision-about
        Activity.Current?.SetTag("remote_config.condition.expression", condition.Expression); // leak TC1001 strings
        logger.LogInformation("Early access condition {Condition}", condition); // leak TC1001 logging-objects
        logger.LogInformation("Conditions now: {Conditions}", string.Join(", ", template.Conditions.Select(c => c.Name))); // clean strings
        logger.LogDebug("Parameters: {Parameters}", template.Parameters.Values); // clean logging-objects
        await remoteConfig.PublishTemplateAsync(template, ct);
    }

    public async Task RollbackAsync(long versionNumber, CancellationToken ct)
    {
        var versions = await remoteConfig.ListVersionsAsync(10, ct);
        var target = versions.FirstOrDefault(v => v.VersionNumber == versionNumber);
        Activity.Current?.SetTag("remote_config.rollback.to", versionNumber); // clean direct
        Activity.Current?.SetTag("remote_config.rollback.author", target?.UpdateUser.Name); // leak TC1001 direct
        await remoteConfig.RollbackAsync(versionNumber, ct);
    }
}
