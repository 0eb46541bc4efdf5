namespace ReportKit.Scheduling;

/// <summary>Someone who receives a scheduled report by email. Prints its members.</summary>
public sealed record Subscriber(string Email, string DisplayName, string? StaffId = null);

/// <summary>A report subscription: which report, when, in which format, to whom. Prints its members (lists and dictionaries as their types' names).</summary>
public sealed record ReportSubscription(string Id, string ReportId, string Cron, RenderFormat Format, IReadOnlyList<Subscriber> Subscribers)
{
    public Dictionary<string, string> Parameters { get; init; } = new();

    public string? Owner { get; init; }
}

/// <summary>A due run of a subscription. Prints its members.</summary>
public sealed record ScheduledRun(string RunId, string SubscriptionId, DateTimeOffset DueAt, int Attempt);

public interface ISubscriptionStore
{
    Task<IReadOnlyList<ScheduledRun>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<ReportSubscription> GetAsync(string subscriptionId, CancellationToken cancellationToken = default);
}

/// <summary>Mails a rendered report (not telemetry).</summary>
public interface IReportMailer
{
    Task SendAsync(Subscriber to, string subject, string fileName, RenderResult report, CancellationToken cancellationToken = default);
}

/// <summary>The mail relay's refusal, quoting the recipient as SMTP servers do (<c>550 5.1.1 &lt;jo@…&gt;: Recipient address rejected</c>).</summary>
public sealed class MailRejectedException(string recipient, int code) : Exception($"{code} 5.1.1 <{recipient}>: Recipient address rejected")
{
    public int Code { get; } = code;
}
