using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout6.Support;
using PrivacyHoldout6.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout6.Retail;

public readonly record struct LoyaltySignup(string Email, string Phone, string? ReferrerCustomerNumber, string EmailTemplateId);

public sealed class LoyaltyService(Pseudonymizer pseudonymizer, HashingKeys keys)
{
    public Pseudonym Customer(string customerNumber) => pseudonymizer.PseudonymizeBasketCustomerId(customerNumber);

    public int Shard(string customerNumber) => HMACSHA256.HashData(keys.ShardKey, Encoding.UTF8.GetBytes(customerNumber))[0] % 32;
}

public static class LoyaltyEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/loyalty/{customerNumber}", (string customerNumber, LoyaltySignup signup, LoyaltyService loyalty, ILogger<LoyaltyService> logger) =>
        {
            Activity.Current?.SetTag("loyalty.customer", loyalty.Customer(customerNumber).Value); // clean precision-pseudonym
            Activity.Current?.SetTag("loyalty.shard", loyalty.Shard(customerNumber)); // clean hashes
            Activity.Current?.SetTag("loyalty.email_template", signup.EmailTemplateId); // clean precision-names
            Activity.Current?.SetTag("loyalty.referred", signup.ReferrerCustomerNumber is not null); // clean precision-about
            Activity.Current?.SetTag("loyalty.referrer", signup.ReferrerCustomerNumber); // leak TC1001 direct
            Activity.Current?.SetTag("loyalty.contact_key", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(signup.Email.ToLowerInvariant())))); // leak TC1002 hashes
            Activity.Current?.SetTag("loyalty.contact_shard", HMACSHA256.HashData("loyalty-shards"u8, Encoding.UTF8.GetBytes(signup.Email))[0] % 16); // leak TC1002 hashes
            logger.LogInformation("Signup {@Signup}", signup); // leak TC1001 logging-objects
            logger.LogInformation("Signup from {Referrer}", loyalty.Customer(signup.ReferrerCustomerNumber ?? "none")); // clean precision-pseudonym
            return Results.Ok();
        });
    }
}
