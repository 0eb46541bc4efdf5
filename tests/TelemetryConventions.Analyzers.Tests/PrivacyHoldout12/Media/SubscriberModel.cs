using System;
using Microsoft.EntityFrameworkCore;
using PrivacyHoldout12.Support;

namespace PrivacyHoldout12.Media;

public sealed class Subscriber : AggregateRoot
{
    public Guid Id { get; set; }

    public required string AccountEmail { get; set; }

    public string? Phone { get; set; }

    public required string DisplayName { get; set; }

    public required string PlanCode { get; set; }

    public required string Country { get; set; }

    public uint Version { get; set; }

    public void ChangeEmail(string email)
    {
        var previous = AccountEmail;
        AccountEmail = email;
        Raise(new SubscriberEmailChanged(Id, previous, email));
    }

    public void ChangePlan(string planCode)
    {
        var previous = PlanCode;
        PlanCode = planCode;
        Raise(new SubscriberPlanChanged(Id, previous, planCode));
    }
}

public sealed record SubscriberEmailChanged(Guid SubscriberId, string PreviousEmail, string NewEmail) : DomainEvent;

public sealed record SubscriberPlanChanged(Guid SubscriberId, string PreviousPlan, string NewPlan) : DomainEvent;

/// <summary>The subscriber context, on PostgreSQL with the Npgsql defaults (error details redacted).</summary>
public sealed class MediaDbContext : DbContext
{
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
}

public sealed class SubscriberNotFoundException(string accountEmail)
    : Exception($"No subscriber is registered with {accountEmail}");

public sealed class PlanChangeNotAllowedException(string planCode, string reason)
    : Exception($"Plan {planCode} cannot be selected: {reason}");

public sealed record ChangeEmailRequest(string NewEmail);

public sealed record ChangePlanRequest(string PlanCode);
