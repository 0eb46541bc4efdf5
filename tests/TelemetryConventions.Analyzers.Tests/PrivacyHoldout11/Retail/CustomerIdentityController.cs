using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivateDataAttribute = PrivacyCorpus.Shared.PrivateDataAttribute;
using PrivacyHoldout11.Support;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Retail;

public sealed class ShopCustomer : IdentityUser
{
    public string LoyaltyCardNumber { get; set; } = string.Empty;

    public string CustomerTier { get; set; } = "bronze";

    public string FirstName { get; set; } = string.Empty;
}

public sealed record RegisterCustomerModel(string Email, string Password, string FirstName, string? PhoneNumber, bool MarketingOptIn);

public sealed record ChangePhoneModel(string PhoneNumber, string? Code);

[ApiController]
[Route("api/account")]
public sealed partial class CustomerIdentityController(
    UserManager<ShopCustomer> users,
    SignInManager<ShopCustomer> signIn,
    IEmailSender email,
    ISmsSender sms,
    TenantContext tenant,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<CustomerIdentityController> logger) : ControllerBase
{
    private const int EmailTemplateId = 3312;

    private static readonly ActivitySource Source = new("Shop.Identity");

    [HttpPost("register")]
    public async Task<IActionResult> Register([FromBody] RegisterCustomerModel model)
    {
        using var activity = Source.StartActivity("account.register");
        activity?.SetTag("shop.brand", tenant.Current?.Id); // clean precision-about
        activity?.SetTag("shop.marketing_opt_in", model.MarketingOptIn);
        activity?.SetTag("shop.email_template_id", EmailTemplateId); // clean precision-names

        var customer = new ShopCustomer { UserName = model.Email, Email = model.Email, FirstName = model.FirstName, PhoneNumber = model.PhoneNumber };
        var result = await users.CreateAsync(customer, model.Password);
        if (!result.Succeeded)
        {
            var errors = result.Errors.ToDictionary(e => e.Code, e => new[] { e.Description });
            LogRegistrationRejected(logger, result.Errors.Count(), string.Join(",", errors.Keys)); // clean precision-about
            activity?.SetStatus(ActivityStatusCode.Error, result.Errors.First().Description); // leak TC1001 strings
            return BadRequest(new ProblemDetails { Title = "Registration failed", Detail = string.Join(" ", result.Errors.Select(e => e.Description)) });
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(customer);
        await email.SendEmailAsync(model.Email, "Welcome", $"Hi {model.FirstName}, confirm with {token}");
        LogRegistered(logger, customer.Id, model.Email); // clean precision-pseudonym
        activity?.SetTag(IdentityAttributes.AccountContact, pseudonymizer.Compute("identity.account.contact", model.Email)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Welcome mail queued for {FirstName}", model.FirstName); // leak TC1001 direct
        meter.CreateIdentitySignInsCounter().Add(1, IdentityMethod.Password, IdentityOutcome.Success, identityTenant: tenant.Current?.Id);
        return Ok(new { customer.Id });
    }

    [HttpPost("login")]
    public async Task<IActionResult> Login([FromBody] SignInRequest request)
    {
        var span = Activity.Current.EnrichIdentitySignIn(IdentityMethod.Password).SetIdentityTenant(tenant.Current?.Id ?? "default"); // clean generated-api
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, request.RememberMe, lockoutOnFailure: true);
        span.SetIdentityOutcome(result.Succeeded ? IdentityOutcome.Success : IdentityOutcome.Failed);
        if (!result.Succeeded)
        {
            logger.LogWarning("Sign-in failed for {UserName}: {Result}", request.UserName, result); // leak TC1001 direct
            logger.LogWarning("Sign-in failed ({Result}), user name of {Length} characters", result, request.UserName.Length); // clean precision-about
            return Unauthorized();
        }

        var customer = await users.FindByNameAsync(request.UserName);
        span.SetIdentityAccountId(pseudonymizer.PseudonymizeIdentityAccountId(customer!.Id)); // clean precision-pseudonym
        Activity.Current?.SetTag("shop.customer_tier", customer.CustomerTier); // clean precision-names
        Activity.Current?.SetTag("shop.loyalty_card", customer.LoyaltyCardNumber); // leak TC1001 cross-member
        return Ok();
    }

    [HttpPost("phone")]
    public async Task<IActionResult> ChangePhone([FromBody] ChangePhoneModel model)
    {
        var customer = await users.GetUserAsync(User);
        if (customer is null)
        {
            return Unauthorized();
        }

        if (model.Code is null)
        {
            var code = await users.GenerateChangePhoneNumberTokenAsync(customer, model.PhoneNumber);
            await sms.SendAsync(model.PhoneNumber, $"Your code: {code}");
            Activity.Current?.SetTag("shop.phone.country", model.PhoneNumber.StartsWith("+44", StringComparison.Ordinal) ? "GB" : "other"); // clean precision-about
            return Accepted();
        }

        var result = await users.ChangePhoneNumberAsync(customer, model.PhoneNumber, model.Code);
        var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(model.PhoneNumber)));
        Activity.Current?.SetTag("shop.phone.digest", digest); // leak TC1002 hashes
        Activity.Current?.SetTag("shop.phone.changed", result.Succeeded);
        return result.Succeeded ? Ok() : BadRequest();
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Customer {CustomerId} registered with {Email}")]
    private static partial void LogRegistered(ILogger logger, [PrivateData] string customerId, [PrivateData] string email);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Registration rejected with {ErrorCount} errors: {ErrorCodes}")]
    private static partial void LogRegistrationRejected(ILogger logger, int errorCount, string errorCodes);
}

public sealed record SignInRequest(string UserName, string Password, bool RememberMe);
