using System;
using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Media;

public readonly record struct SubscriberId(Guid Value)
{
    public override string ToString() => Value.ToString("N");
}

/// <summary>A viewing profile inside a subscriber's account.</summary>
public readonly record struct ProfileId(Guid Value);

public readonly record struct SubscriptionId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

public readonly record struct TitleId(string Value);

public readonly record struct PlanCode(string Value)
{
    public override string ToString() => Value;
}

/// <summary>An email value object; prints only its domain so that it is safe to log.</summary>
public sealed record Email
{
    private Email(string value) => Value = value;

    public string Value { get; }

    public string Domain => Value[(Value.LastIndexOf('@') + 1)..];

    public static bool TryParse(string? text, [NotNullWhen(true)] out Email? email)
    {
        email = MailAddress.TryCreate(text?.Trim(), out var address) ? new Email(address.Address.ToLowerInvariant()) : null;
        return email is not null;
    }

    public override string ToString() => $"***@{Domain}";
}

public enum CancellationReason
{
    TooExpensive,
    NotWatching,
    MissingContent,
    Other,
}

public sealed record PlanChanged(SubscriptionId SubscriptionId, SubscriberId Subscriber, PlanCode From, PlanCode To) : DomainEvent;

public sealed record BillingEmailChanged(SubscriptionId SubscriptionId, SubscriberId Subscriber, Email Old, Email New) : DomainEvent;

public sealed record SubscriptionCancelled(SubscriptionId SubscriptionId, SubscriberId Subscriber, Email BillingEmail, CancellationReason Reason) : DomainEvent;

public sealed class Subscription : AggregateRoot<SubscriptionId>
{
    public Subscription(SubscriptionId id, SubscriberId subscriber, Email billingEmail, PlanCode plan)
        : base(id)
    {
        Subscriber = subscriber;
        BillingEmail = billingEmail;
        Plan = plan;
    }

    public SubscriberId Subscriber { get; }

    public Email BillingEmail { get; private set; }

    public PlanCode Plan { get; private set; }

    public bool IsCancelled { get; private set; }

    public Result ChangeBillingEmail(Email email)
    {
        if (email == BillingEmail)
        {
            return Result.Success();
        }

        var old = BillingEmail;
        BillingEmail = email;
        Raise(new BillingEmailChanged(Id, Subscriber, old, email));
        return Result.Success();
    }

    public Result Cancel(SubscriberId requestedBy, CancellationReason reason)
    {
        if (requestedBy != Subscriber)
        {
            throw new DomainException("Subscription.NotOwner", $"Subscriber {requestedBy} does not own subscription {Id}."); // leak TC1001 exceptions
        }

        if (IsCancelled)
        {
            return MediaErrors.AlreadyCancelled;
        }

        IsCancelled = true;
        Raise(new SubscriptionCancelled(Id, Subscriber, BillingEmail, reason));
        return Result.Success();
    }

    public override string ToString() => $"Subscription {Id} on {Plan}";
}

public static class MediaErrors
{
    public static readonly Error AlreadyCancelled = Error.Conflict("Subscription.AlreadyCancelled", "The subscription is already cancelled.");

    public static Error InvalidEmail(string attempted) => Error.Validation("Subscription.InvalidEmail", $"'{attempted}' is not a valid email address.");
}
