using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyHoldout42.Retail;

/// <summary>A customer registers a smart plug, camera or doorbell of the shop's own brand for its warranty and the app.</summary>
public sealed record WarrantyRegistration(
    string SerialNumber,
    string ReceiptNumber,
    string StoreId,
    string ProductSku,
    string CustomerEmail,
    string Postcode,
    DateOnly PurchasedOn);

public interface IWarrantyStore
{
    Task<string?> RegisteredEmailAsync(string serialNumber, CancellationToken cancellationToken);

    Task<Guid> RegisterAsync(WarrantyRegistration registration, CancellationToken cancellationToken);
}

public sealed class SerialAlreadyRegisteredException(string serialNumber)
    : Exception($"Serial {serialNumber} is already registered to another customer");

public static class WarrantyRegistrationEndpoints
{
    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/warranty/registrations", (WarrantyRegistration registration, WarrantyRegistrationHandler handler, CancellationToken ct) => handler.HandleAsync(registration, ct));
}

public sealed class WarrantyRegistrationHandler(
    IWarrantyStore store,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<WarrantyRegistrationHandler> logger)
{
    private readonly Counter<long> _registrations = meter.CreateCounter<long>("warranty.registrations", "{registration}");

    public async Task<Guid> HandleAsync(WarrantyRegistration registration, CancellationToken cancellationToken)
    {
        logger.LogInformation("Warranty registration received {Registration}", registration); // leak TC1001 logging-objects
        var activity = Activity.Current;
        activity?.SetTag("warranty.receipt", registration.ReceiptNumber); // clean precision-names
        activity?.SetTag("warranty.store", registration.StoreId); // clean precision-names
        activity?.SetTag("warranty.serial", registration.SerialNumber); // leak TC1001 direct
        activity?.SetTag("customer.postcode.district", registration.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("customer.ref", pseudonymizer.Compute("retail.customer.email", registration.CustomerEmail.Trim().ToLowerInvariant())); // clean precision-pseudonym

        var registeredTo = await store.RegisteredEmailAsync(registration.SerialNumber, cancellationToken);
        if (registeredTo is not null && !string.Equals(registeredTo, registration.CustomerEmail, StringComparison.OrdinalIgnoreCase))
        {
            activity?.SetTag("warranty.previous_owner", registeredTo); // leak TC1001 direct
            throw new SerialAlreadyRegisteredException(registration.SerialNumber); // leak TC1001 exceptions
        }

        var id = await store.RegisterAsync(registration, cancellationToken);
        _registrations.Add(1, new KeyValuePair<string, object?>("product.sku", registration.ProductSku), new KeyValuePair<string, object?>("store.id", registration.StoreId)); // clean precision-names
        logger.LogInformation("Registration {RegistrationId} for {Sku}, bought {PurchasedOn}", id, registration.ProductSku, registration.PurchasedOn); // clean precision-names
        return id;
    }
}
