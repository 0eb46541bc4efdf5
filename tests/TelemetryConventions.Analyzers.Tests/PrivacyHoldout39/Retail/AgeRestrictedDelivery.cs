using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using TelemetryConventions;

namespace PrivacyHoldout39.Retail;

// Orders with alcohol or knives need an age check at the door: the driver scans the recipient's
// identity document in the handheld app, which posts the result here. A failed check returns the
// restricted lines to the store, and a customer with two failed checks loses restricted delivery.

public sealed record DoorstepAgeCheck(string OrderId, string CustomerId, string DocumentType, string DocumentNumber, DateOnly DateOfBirth, string RecipientName, bool Passed);

public sealed class RestrictedDeliveryRevokedException(string customerId, int failures)
    : Exception($"Restricted delivery revoked for customer {customerId} after {failures} failed checks");

public interface IAgeCheckHistory
{
    Task<int> RecordFailureAsync(string customerId, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/deliveries/age-checks")]
public sealed class DoorstepAgeCheckController(IAgeCheckHistory history, ILogger<DoorstepAgeCheckController> logger) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult> PostAsync([FromBody] DoorstepAgeCheck check, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Doorstep check for customer {CustomerId}", check.CustomerId); // leak TC1001 logging-objects
        var age = DateTime.UtcNow.Year - check.DateOfBirth.Year;
        Activity.Current?.SetTag("delivery.order.id", check.OrderId); // clean precision-about
        Activity.Current?.SetTag("age_check.document_type", check.DocumentType); // clean precision-about
        Activity.Current?.SetTag("age_check.over_25", age >= 25); // clean precision-about

        if (check.Passed)
        {
            logger.LogInformation("Age check passed for {RecipientName}", check.RecipientName); // leak TC1001 direct
            return Ok();
        }

        logger.LogWarning("Age check failed: document {DocumentNumber}, born {DateOfBirth}", check.DocumentNumber, check.DateOfBirth); // leak TC1001 direct
        var failures = await history.RecordFailureAsync(check.CustomerId, cancellationToken);
        if (failures >= 2)
        {
            throw new RestrictedDeliveryRevokedException(check.CustomerId, failures); // leak TC1001 exceptions
        }

        return Ok(new { returned = true });
    }
}
