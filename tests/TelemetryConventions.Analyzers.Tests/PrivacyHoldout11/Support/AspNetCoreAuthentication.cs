using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// Stand-ins for ASP.NET Core authentication (the handler base, tickets, JWT bearer, OpenID Connect and
// cookie events) and for Microsoft.IdentityModel's token types. Only the shapes matter.

namespace Microsoft.IdentityModel.Tokens
{
    public abstract class SecurityToken
    {
        public abstract string Id { get; }

        public abstract string Issuer { get; }

        public abstract DateTime ValidFrom { get; }

        public abstract DateTime ValidTo { get; }
    }

    public class SecurityTokenException(string message, Exception? inner = null) : Exception(message, inner);

    public class SecurityTokenValidationException(string message) : SecurityTokenException(message);

    public class SecurityTokenExpiredException(string message) : SecurityTokenValidationException(message)
    {
        public DateTime Expires { get; set; }
    }

    public class SecurityTokenInvalidAudienceException(string message) : SecurityTokenValidationException(message)
    {
        public string? InvalidAudience { get; set; }
    }

    public class SecurityTokenInvalidIssuerException(string message) : SecurityTokenValidationException(message)
    {
        public string? InvalidIssuer { get; set; }
    }

    public class SecurityTokenInvalidSignatureException(string message) : SecurityTokenValidationException(message);

    public class SecurityTokenSignatureKeyNotFoundException(string message) : SecurityTokenInvalidSignatureException(message);

    public class TokenValidationParameters
    {
        public string? ValidIssuer { get; set; }

        public IEnumerable<string>? ValidAudiences { get; set; }

        public string NameClaimType { get; set; } = ClaimTypes.Name;

        public string RoleClaimType { get; set; } = ClaimTypes.Role;

        public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
    }
}

namespace Microsoft.IdentityModel.JsonWebTokens
{
    using Microsoft.IdentityModel.Tokens;

    public static class JwtRegisteredClaimNames
    {
        public const string Sub = "sub";
        public const string Email = "email";
        public const string Name = "name";
        public const string PreferredUsername = "preferred_username";
        public const string PhoneNumber = "phone_number";
        public const string Jti = "jti";
        public const string Sid = "sid";
        public const string Azp = "azp";
        public const string Amr = "amr";
        public const string Acr = "acr";
        public const string Iss = "iss";
        public const string Aud = "aud";
        public const string AuthTime = "auth_time";
    }

    public class JsonWebToken(string encodedToken, IEnumerable<Claim> claims) : SecurityToken
    {
        public string EncodedToken { get; } = encodedToken;

        public IEnumerable<Claim> Claims { get; } = claims;

        public override string Id => GetClaimValue(JwtRegisteredClaimNames.Jti);

        public override string Issuer => GetClaimValue(JwtRegisteredClaimNames.Iss);

        public string Subject => GetClaimValue(JwtRegisteredClaimNames.Sub);

        public string Azp => GetClaimValue(JwtRegisteredClaimNames.Azp);

        public IEnumerable<string> Audiences => Claims.Where(c => c.Type == JwtRegisteredClaimNames.Aud).Select(c => c.Value);

        public string? Actor { get; init; }

        public override DateTime ValidFrom { get; } = DateTime.UtcNow;

        public override DateTime ValidTo { get; } = DateTime.UtcNow.AddHours(1);

        public DateTime IssuedAt { get; } = DateTime.UtcNow;

        public Claim GetClaim(string type) => Claims.First(c => c.Type == type);

        public bool TryGetClaim(string type, out Claim claim)
        {
            claim = Claims.FirstOrDefault(c => c.Type == type)!;
            return claim is not null;
        }

        public bool TryGetPayloadValue<T>(string key, out T value)
        {
            value = default!;
            return false;
        }

        private string GetClaimValue(string type) => Claims.FirstOrDefault(c => c.Type == type)?.Value ?? string.Empty;
    }
}

namespace Microsoft.IdentityModel.Protocols.OpenIdConnect
{
    public class OpenIdConnectMessage
    {
        public string? IssuerAddress { get; set; }

        public string? ClientId { get; set; }

        public string? Scope { get; set; }

        public string? State { get; set; }

        public string? Nonce { get; set; }

        public string? Prompt { get; set; }

        public string? LoginHint { get; set; }

        public string? DomainHint { get; set; }

        public string? AcrValues { get; set; }

        public string? UiLocales { get; set; }

        public string? IdToken { get; set; }

        public string? AccessToken { get; set; }

        public string? Error { get; set; }

        public string? ErrorDescription { get; set; }

        public IDictionary<string, string> Parameters { get; } = new Dictionary<string, string>();

        public void SetParameter(string name, string? value)
        {
            if (value is not null)
            {
                Parameters[name] = value;
            }
        }

        public string CreateAuthenticationRequestUrl() =>
            IssuerAddress + "?" + string.Join("&", Parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
    }
}

namespace Microsoft.AspNetCore.Authentication
{
    public class AuthenticationProperties
    {
        public IDictionary<string, string?> Items { get; } = new Dictionary<string, string?>();

        public IDictionary<string, object?> Parameters { get; } = new Dictionary<string, object?>();

        public string? RedirectUri { get; set; }

        public bool IsPersistent { get; set; }

        public DateTimeOffset? IssuedUtc { get; set; }

        public DateTimeOffset? ExpiresUtc { get; set; }

        public bool? AllowRefresh { get; set; }

        public string? GetTokenValue(string tokenName) => Items.TryGetValue(".Token." + tokenName, out var value) ? value : null;

        public string? GetString(string key) => Items.TryGetValue(key, out var value) ? value : null;

        public void SetString(string key, string? value) => Items[key] = value;
    }

    public class AuthenticationTicket(ClaimsPrincipal principal, AuthenticationProperties? properties, string authenticationScheme)
    {
        public ClaimsPrincipal Principal { get; } = principal;

        public AuthenticationProperties Properties { get; } = properties ?? new AuthenticationProperties();

        public string AuthenticationScheme { get; } = authenticationScheme;
    }

    public class AuthenticateResult
    {
        public bool Succeeded => Ticket is not null;

        public AuthenticationTicket? Ticket { get; private init; }

        public ClaimsPrincipal? Principal => Ticket?.Principal;

        public Exception? Failure { get; private init; }

        public bool None { get; private init; }

        public static AuthenticateResult Success(AuthenticationTicket ticket) => new() { Ticket = ticket };

        public static AuthenticateResult Fail(Exception failure) => new() { Failure = failure };

        public static AuthenticateResult Fail(string failureMessage) => new() { Failure = new Exception(failureMessage) };

        public static AuthenticateResult NoResult() => new() { None = true };
    }

    public class AuthenticationScheme(string name, string? displayName)
    {
        public string Name { get; } = name;

        public string? DisplayName { get; } = displayName;
    }

    public class AuthenticationSchemeOptions
    {
        public string? ClaimsIssuer { get; set; }

        public object? Events { get; set; }
    }

    public abstract class BaseContext<TOptions>(HttpContext context, AuthenticationScheme scheme, TOptions options)
        where TOptions : AuthenticationSchemeOptions
    {
        public HttpContext HttpContext { get; } = context;

        public AuthenticationScheme Scheme { get; } = scheme;

        public TOptions Options { get; } = options;

        public HttpRequest Request => HttpContext.Request;

        public HttpResponse Response => HttpContext.Response;
    }

    public abstract class PropertiesContext<TOptions>(HttpContext context, AuthenticationScheme scheme, TOptions options, AuthenticationProperties? properties)
        : BaseContext<TOptions>(context, scheme, options)
        where TOptions : AuthenticationSchemeOptions
    {
        public virtual AuthenticationProperties Properties { get; protected set; } = properties ?? new AuthenticationProperties();
    }

    public abstract class PrincipalContext<TOptions>(HttpContext context, AuthenticationScheme scheme, TOptions options, AuthenticationProperties? properties)
        : PropertiesContext<TOptions>(context, scheme, options, properties)
        where TOptions : AuthenticationSchemeOptions
    {
        public virtual ClaimsPrincipal? Principal { get; set; }
    }

    public abstract class ResultContext<TOptions>(HttpContext context, AuthenticationScheme scheme, TOptions options)
        : BaseContext<TOptions>(context, scheme, options)
        where TOptions : AuthenticationSchemeOptions
    {
        public ClaimsPrincipal? Principal { get; set; }

        public AuthenticationProperties Properties { get; set; } = new();

        public AuthenticateResult? Result { get; private set; }

        public void Success() => Result = AuthenticateResult.Success(new AuthenticationTicket(Principal!, Properties, Scheme.Name));

        public void NoResult() => Result = AuthenticateResult.NoResult();

        public void Fail(Exception failure) => Result = AuthenticateResult.Fail(failure);

        public void Fail(string failureMessage) => Result = AuthenticateResult.Fail(failureMessage);
    }

    public class RedirectContext<TOptions>(HttpContext context, AuthenticationScheme scheme, TOptions options, AuthenticationProperties properties, string redirectUri)
        : PropertiesContext<TOptions>(context, scheme, options, properties)
        where TOptions : AuthenticationSchemeOptions
    {
        public string RedirectUri { get; set; } = redirectUri;
    }

    public class RemoteAuthenticationOptions : AuthenticationSchemeOptions
    {
        public string? CallbackPath { get; set; }

        public string? SignInScheme { get; set; }
    }

    public class RemoteFailureContext(HttpContext context, AuthenticationScheme scheme, RemoteAuthenticationOptions options, Exception failure)
        : BaseContext<RemoteAuthenticationOptions>(context, scheme, options)
    {
        public Exception? Failure { get; set; } = failure;

        public AuthenticationProperties? Properties { get; set; }

        public void HandleResponse()
        {
        }
    }

    public class TicketReceivedContext(HttpContext context, AuthenticationScheme scheme, RemoteAuthenticationOptions options, AuthenticationTicket ticket)
        : BaseContext<RemoteAuthenticationOptions>(context, scheme, options)
    {
        public ClaimsPrincipal? Principal { get; set; } = ticket.Principal;

        public AuthenticationProperties? Properties { get; set; } = ticket.Properties;

        public string? ReturnUri { get; set; }
    }

    public interface IAuthenticationService
    {
        Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme);

        Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties);

        Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties);
    }

    public interface IClaimsTransformation
    {
        Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal);
    }

    /// <summary>The base of a custom authentication scheme (an API key scheme, say).</summary>
    public abstract class AuthenticationHandler<TOptions>
        where TOptions : AuthenticationSchemeOptions, new()
    {
        protected AuthenticationHandler(ILoggerFactory loggerFactory) => Logger = loggerFactory.CreateLogger(GetType().FullName!);

        protected ILogger Logger { get; }

        public AuthenticationScheme Scheme { get; set; } = new("ApiKey", "API key");

        public TOptions Options { get; set; } = new();

        protected HttpContext Context { get; set; } = new();

        protected HttpRequest Request => Context.Request;

        protected HttpResponse Response => Context.Response;

        protected string ClaimsIssuer => Options.ClaimsIssuer ?? Scheme.Name;

        protected abstract Task<AuthenticateResult> HandleAuthenticateAsync();

        protected virtual Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = 401;
            return Task.CompletedTask;
        }
    }

    public static class AuthenticationTokenExtensions
    {
        public static string? GetTokenValue(this AuthenticationProperties properties, string tokenName, bool _ = false) => properties.GetTokenValue(tokenName);
    }
}

namespace Microsoft.AspNetCore.Authentication.JwtBearer
{
    using Microsoft.IdentityModel.Tokens;

    public class JwtBearerOptions : AuthenticationSchemeOptions
    {
        public string? Authority { get; set; }

        public string? Audience { get; set; }

        public new JwtBearerEvents Events { get; set; } = new();

        public TokenValidationParameters TokenValidationParameters { get; set; } = new();
    }

    public class MessageReceivedContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options)
        : ResultContext<JwtBearerOptions>(context, scheme, options)
    {
        public string? Token { get; set; }
    }

    public class TokenValidatedContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options)
        : ResultContext<JwtBearerOptions>(context, scheme, options)
    {
        public SecurityToken SecurityToken { get; set; } = null!;
    }

    public class AuthenticationFailedContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options)
        : ResultContext<JwtBearerOptions>(context, scheme, options)
    {
        public Exception Exception { get; set; } = null!;
    }

    public class JwtBearerChallengeContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options, AuthenticationProperties properties)
        : PropertiesContext<JwtBearerOptions>(context, scheme, options, properties)
    {
        public Exception? AuthenticateFailure { get; set; }

        public string? Error { get; set; }

        public string? ErrorDescription { get; set; }

        public bool Handled { get; private set; }

        public void HandleResponse() => Handled = true;
    }

    public class ForbiddenContext(HttpContext context, AuthenticationScheme scheme, JwtBearerOptions options)
        : ResultContext<JwtBearerOptions>(context, scheme, options);

    public class JwtBearerEvents
    {
        public Func<MessageReceivedContext, Task> OnMessageReceived { get; set; } = _ => Task.CompletedTask;

        public Func<TokenValidatedContext, Task> OnTokenValidated { get; set; } = _ => Task.CompletedTask;

        public Func<AuthenticationFailedContext, Task> OnAuthenticationFailed { get; set; } = _ => Task.CompletedTask;

        public Func<JwtBearerChallengeContext, Task> OnChallenge { get; set; } = _ => Task.CompletedTask;

        public Func<ForbiddenContext, Task> OnForbidden { get; set; } = _ => Task.CompletedTask;

        public virtual Task MessageReceived(MessageReceivedContext context) => OnMessageReceived(context);

        public virtual Task TokenValidated(TokenValidatedContext context) => OnTokenValidated(context);

        public virtual Task AuthenticationFailed(AuthenticationFailedContext context) => OnAuthenticationFailed(context);

        public virtual Task Challenge(JwtBearerChallengeContext context) => OnChallenge(context);

        public virtual Task Forbidden(ForbiddenContext context) => OnForbidden(context);
    }
}

namespace Microsoft.AspNetCore.Authentication.OpenIdConnect
{
    using Microsoft.IdentityModel.JsonWebTokens;
    using Microsoft.IdentityModel.Protocols.OpenIdConnect;

    public class OpenIdConnectOptions : RemoteAuthenticationOptions
    {
        public string? Authority { get; set; }

        public string? ClientId { get; set; }

        public new OpenIdConnectEvents Events { get; set; } = new();

        public ICollection<string> Scope { get; } = new List<string> { "openid", "profile" };
    }

    public class RedirectContext(HttpContext context, AuthenticationScheme scheme, OpenIdConnectOptions options, AuthenticationProperties properties)
        : PropertiesContext<OpenIdConnectOptions>(context, scheme, options, properties)
    {
        public OpenIdConnectMessage ProtocolMessage { get; set; } = new();

        public bool Handled { get; private set; }

        public void HandleResponse() => Handled = true;
    }

    public class TokenValidatedContext(HttpContext context, AuthenticationScheme scheme, OpenIdConnectOptions options, ClaimsPrincipal principal, AuthenticationProperties properties)
        : PrincipalContext<OpenIdConnectOptions>(context, scheme, options, properties)
    {
        public OpenIdConnectMessage ProtocolMessage { get; set; } = new();

        public JsonWebToken SecurityToken { get; set; } = null!;

        public string? Nonce { get; set; }

        public override ClaimsPrincipal? Principal { get; set; } = principal;

        public void Fail(string failureMessage)
        {
        }
    }

    public class AuthenticationFailedContext(HttpContext context, AuthenticationScheme scheme, OpenIdConnectOptions options)
        : BaseContext<OpenIdConnectOptions>(context, scheme, options)
    {
        public Exception Exception { get; set; } = null!;

        public OpenIdConnectMessage ProtocolMessage { get; set; } = new();

        public void HandleResponse()
        {
        }
    }

    public class UserInformationReceivedContext(HttpContext context, AuthenticationScheme scheme, OpenIdConnectOptions options, ClaimsPrincipal principal, AuthenticationProperties properties)
        : PrincipalContext<OpenIdConnectOptions>(context, scheme, options, properties)
    {
        public JsonDocument User { get; set; } = JsonDocument.Parse("{}");

        public override ClaimsPrincipal? Principal { get; set; } = principal;
    }

    public class OpenIdConnectEvents
    {
        public Func<RedirectContext, Task> OnRedirectToIdentityProvider { get; set; } = _ => Task.CompletedTask;

        public Func<RedirectContext, Task> OnRedirectToIdentityProviderForSignOut { get; set; } = _ => Task.CompletedTask;

        public Func<TokenValidatedContext, Task> OnTokenValidated { get; set; } = _ => Task.CompletedTask;

        public Func<AuthenticationFailedContext, Task> OnAuthenticationFailed { get; set; } = _ => Task.CompletedTask;

        public Func<UserInformationReceivedContext, Task> OnUserInformationReceived { get; set; } = _ => Task.CompletedTask;

        public Func<RemoteFailureContext, Task> OnRemoteFailure { get; set; } = _ => Task.CompletedTask;

        public Func<TicketReceivedContext, Task> OnTicketReceived { get; set; } = _ => Task.CompletedTask;

        public virtual Task RedirectToIdentityProvider(RedirectContext context) => OnRedirectToIdentityProvider(context);

        public virtual Task TokenValidated(TokenValidatedContext context) => OnTokenValidated(context);

        public virtual Task AuthenticationFailed(AuthenticationFailedContext context) => OnAuthenticationFailed(context);

        public virtual Task RemoteFailure(RemoteFailureContext context) => OnRemoteFailure(context);
    }
}

namespace Microsoft.AspNetCore.Authentication.Cookies
{
    public interface ITicketStore
    {
        Task<string> StoreAsync(AuthenticationTicket ticket);

        Task RenewAsync(string key, AuthenticationTicket ticket);

        Task<AuthenticationTicket?> RetrieveAsync(string key);

        Task RemoveAsync(string key);
    }

    public class CookieAuthenticationOptions : AuthenticationSchemeOptions
    {
        public string LoginPath { get; set; } = "/account/login";

        public string AccessDeniedPath { get; set; } = "/account/denied";

        public TimeSpan ExpireTimeSpan { get; set; } = TimeSpan.FromDays(14);

        public bool SlidingExpiration { get; set; } = true;

        public ITicketStore? SessionStore { get; set; }

        public new CookieAuthenticationEvents Events { get; set; } = new();
    }

    public class CookieValidatePrincipalContext(HttpContext context, AuthenticationScheme scheme, CookieAuthenticationOptions options, AuthenticationTicket ticket)
        : PrincipalContext<CookieAuthenticationOptions>(context, scheme, options, ticket.Properties)
    {
        public override ClaimsPrincipal? Principal { get; set; } = ticket.Principal;

        public bool ShouldRenew { get; set; }

        public void ReplacePrincipal(ClaimsPrincipal principal) => Principal = principal;

        public void RejectPrincipal() => Principal = null;
    }

    public class CookieSigningInContext(HttpContext context, AuthenticationScheme scheme, CookieAuthenticationOptions options, ClaimsPrincipal principal, AuthenticationProperties? properties)
        : PrincipalContext<CookieAuthenticationOptions>(context, scheme, options, properties)
    {
        public override ClaimsPrincipal? Principal { get; set; } = principal;
    }

    public class CookieSignedInContext(HttpContext context, AuthenticationScheme scheme, ClaimsPrincipal principal, AuthenticationProperties? properties, CookieAuthenticationOptions options)
        : PrincipalContext<CookieAuthenticationOptions>(context, scheme, options, properties)
    {
        public override ClaimsPrincipal? Principal { get; set; } = principal;
    }

    public class CookieSigningOutContext(HttpContext context, AuthenticationScheme scheme, CookieAuthenticationOptions options, AuthenticationProperties? properties)
        : PropertiesContext<CookieAuthenticationOptions>(context, scheme, options, properties);

    public class CookieAuthenticationEvents
    {
        public Func<CookieValidatePrincipalContext, Task> OnValidatePrincipal { get; set; } = _ => Task.CompletedTask;

        public Func<CookieSigningInContext, Task> OnSigningIn { get; set; } = _ => Task.CompletedTask;

        public Func<CookieSignedInContext, Task> OnSignedIn { get; set; } = _ => Task.CompletedTask;

        public Func<CookieSigningOutContext, Task> OnSigningOut { get; set; } = _ => Task.CompletedTask;

        public Func<RedirectContext<CookieAuthenticationOptions>, Task> OnRedirectToLogin { get; set; } = _ => Task.CompletedTask;

        public Func<RedirectContext<CookieAuthenticationOptions>, Task> OnRedirectToAccessDenied { get; set; } = _ => Task.CompletedTask;

        public virtual Task ValidatePrincipal(CookieValidatePrincipalContext context) => OnValidatePrincipal(context);

        public virtual Task SigningIn(CookieSigningInContext context) => OnSigningIn(context);

        public virtual Task SignedIn(CookieSignedInContext context) => OnSignedIn(context);

        public virtual Task SigningOut(CookieSigningOutContext context) => OnSigningOut(context);

        public virtual Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) => OnRedirectToLogin(context);
    }
}
