using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Media;

public sealed class SubscriberAccount
{
    public Guid Id { get; set; }

    public required string SubscriberId { get; set; }

    public required string Email { get; set; }

    public string? PhoneNumber { get; set; }

    public string EmailTemplateId { get; set; } = "welcome-v3";

    public int ProfileCount { get; set; }
}

public sealed class AccountsDbContext : DbContext
{
    public required DbSet<SubscriberAccount> Accounts { get; init; }

    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(1);
}

public sealed record ChangeEmailCommand(string SubscriberId, string NewEmail);

public sealed class AccountEmailChangeHandler(AccountsDbContext db, ILogger<AccountEmailChangeHandler> logger, IHttpContextAccessor accessor)
{
    private static readonly ActivitySource Source = new("Streaming.Accounts");

    public async Task<IResult> HandleAsync(ChangeEmailCommand command, CancellationToken ct)
    {
        using var activity = Source.StartActivity("account.email.change");
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.SubscriberId == command.SubscriberId, ct);
        if (account is null)
        {
            return Results.NotFound(new ProblemDetails { Title = "Unknown subscriber", Detail = $"No account {command.SubscriberId}" }); // clean exceptions
        }

        var oldEmail = account.Email;
        account.Email = command.NewEmail;
        activity?.SetTag("account.email_template", account.EmailTemplateId); // clean precision-names
        activity?.SetTag("account.email_changed_domain", !string.Equals(oldEmail.Split('@')[1], command.NewEmail.Split('@')[1], StringComparison.OrdinalIgnoreCase)); // clean precision-about
        activity?.SetTag("account.profile_count", account.ProfileCount); // clean precision-names

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            var wrapped = new InvalidOperationException($"Email change for {account.SubscriberId} failed", ex);
            activity?.AddException(wrapped); // leak TC1001 exceptions
            activity?.AddException(ex); // clean exceptions
            throw;
        }

        var audit = new { account.Id, Old = oldEmail, New = command.NewEmail, By = accessor.HttpContext?.TraceIdentifier };
        logger.LogInformation("Email changed {@Audit}", audit); // leak TC1001 logging-objects

        var gravatar = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(command.NewEmail.Trim().ToLowerInvariant()))).ToLowerInvariant();
        activity?.SetTag("account.avatar_hash", gravatar); // leak TC1002 hashes
        activity?.SetTag("account.phone_present", account.PhoneNumber is not null); // clean precision-about
        activity?.SetTag("account.trace", accessor.HttpContext?.TraceIdentifier); // clean precision-names
        return Results.Ok();
    }
}
