using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout43.Support;

// Stand-ins for the shared platforms public services build on: a notification service (emails and
// texts from templates), a payment platform for fees and fines, a mediator, and a message receiver.

/// <summary>The notification service's answer to a send.</summary>
public sealed record NotificationResponse(string Id, string? Reference, string TemplateId);

/// <summary>
/// A rejected send. The notification service's errors name the field and what is wrong with it
/// ("email_address Not a valid email address", "phone_number Not a UK mobile number"), never the value.
/// </summary>
public sealed class NotificationClientException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

public interface INotificationClient
{
    Task<NotificationResponse> SendEmailAsync(string emailAddress, string templateId, IReadOnlyDictionary<string, object> personalisation, string? reference, CancellationToken cancellationToken);

    Task<NotificationResponse> SendSmsAsync(string phoneNumber, string templateId, IReadOnlyDictionary<string, object> personalisation, string? reference, CancellationToken cancellationToken);
}

public sealed record CardDetails(string LastDigitsCardNumber, string FirstDigitsCardNumber, string CardholderName, string CardBrand);

/// <summary>A payment on the payment platform. <c>Reference</c> is what the service passed in (a notice or invoice number).</summary>
public sealed record PaymentResponse(string PaymentId, string Reference, long Amount, string State, string? Email, CardDetails? CardDetails);

public sealed record CreatePaymentRequest(long Amount, string Reference, string Description, string ReturnUrl, string? Email);

public interface IPaymentPlatform
{
    Task<PaymentResponse> CreatePaymentAsync(CreatePaymentRequest request, CancellationToken cancellationToken);

    Task<PaymentResponse> GetPaymentAsync(string paymentId, CancellationToken cancellationToken);
}

public interface IRequest<TResponse>;

public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

/// <summary>A message taken from a queue or topic subscription.</summary>
public sealed class ReceivedMessage
{
    public required string MessageId { get; init; }

    public string? CorrelationId { get; init; }

    public string? Subject { get; init; }

    public int DeliveryCount { get; init; }

    public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();

    public required string Body { get; init; }
}

public interface IMessageReceiver
{
    Task<ReceivedMessage?> ReceiveAsync(CancellationToken cancellationToken);

    Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken);

    Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken);
}

/// <summary>Where a service keeps the documents and rows it owns (not telemetry).</summary>
public interface ICaseStore<T>
{
    Task<T?> FindAsync(string id, CancellationToken cancellationToken);

    Task SaveAsync(T item, CancellationToken cancellationToken);
}
