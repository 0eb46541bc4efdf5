namespace PrivacyHoldout172.Media;

public sealed record RestrictionNotice(string OrderId, string CaseNumber, string Court, string ProtectedName, string Section, DateOnly Until);

/// <summary>
/// Consumes the courts' reporting restriction notices (keyed by court) the legal desk subscribes to, adds the
/// protected names to the newsroom's restricted list and tells the desk.
/// </summary>
public sealed class ReportingRestrictionsConsumer(
    IConsumer<string, RestrictionNotice> consumer,
    ILogger<ReportingRestrictionsConsumer> logger,
    ISet<string> restrictedNames,
    LegalOptions options)
{
    private static readonly ActivitySource Source = new("Broadcaster.Legal.Restrictions");
    private static readonly Meter Meter = new("Broadcaster.Legal.Restrictions");
    private static readonly Counter<long> Notices = Meter.CreateCounter<long>("broadcaster.legal.restriction_notices");

    public void Pump(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }

        var notice = result.Message.Value;
        using var activity = Source.StartActivity("ApplyRestriction", ActivityKind.Consumer);
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean direct
        activity?.SetTag("restriction.order_id", notice.OrderId); // clean precision-names
        activity?.SetTag("restriction.section", notice.Section); // clean precision-about
        activity?.SetTag("restriction.until", notice.Until.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
        activity?.SetTag("restriction.protected_name", notice.ProtectedName); // leak TC1001 direct
        Notices.Add(1, new KeyValuePair<string, object?>("court", notice.Court)); // clean precision-about

        activity?.SetTag("restriction.protected_name_digest", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(notice.ProtectedName)))); // leak TC1002 hashes
        var subject = Protected(notice);
        logger.LogWarning("Newsroom alert: do not name {Subject}", subject); // leak TC1001 cross-member
        restrictedNames.Add(notice.ProtectedName);
        logger.LogInformation("Restriction {OrderId} applied on case {CaseNumber} at {Court}", notice.OrderId, notice.CaseNumber, notice.Court); // clean direct
        logger.LogInformation($"Restriction {notice.OrderId} protects {notice.ProtectedName} until {notice.Until}"); // leak TC1001 strings
        logger.LogDebug("Notice {Notice}", notice); // leak TC1001 logging-objects
        logger.LogInformation("Restricted list now holds {Count} names in {Jurisdiction}", restrictedNames.Count, options.Jurisdiction); // clean precision-about

        var (orderId, _, court, protectedName, _, _) = notice;
        logger.LogInformation("Order {OrderId} at {Court}", orderId, court); // clean cross-member
        activity?.AddEvent(new ActivityEvent("restriction.applied", tags: new ActivityTagsCollection { ["order"] = orderId, ["name"] = protectedName })); // leak TC1001 cross-member
        consumer.Commit(result);
    }

    private static string Protected(RestrictionNotice notice) => notice.ProtectedName.ToUpperInvariant();
}
