using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for Blazor WebAssembly (Microsoft.AspNetCore.Components, Microsoft.JSInterop) and
// Blazored.LocalStorage, reduced to what the browser clients use: components with route and query
// parameters, the navigation manager, error boundaries, edit contexts, JS interop and local storage.

namespace Microsoft.AspNetCore.Components
{
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ParameterAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class InjectAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class SupplyParameterFromQueryAttribute : Attribute
    {
        public string? Name { get; set; }
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public sealed class RouteAttribute(string template) : Attribute
    {
        public string Template { get; } = template;
    }

    public abstract class ComponentBase
    {
        protected virtual void OnInitialized()
        {
        }

        protected virtual Task OnInitializedAsync() => Task.CompletedTask;

        protected virtual void OnParametersSet()
        {
        }

        protected virtual Task OnParametersSetAsync() => Task.CompletedTask;

        protected virtual Task OnAfterRenderAsync(bool firstRender) => Task.CompletedTask;

        protected void StateHasChanged()
        {
        }

        protected Task InvokeAsync(Func<Task> work) => work();
    }

    public abstract class NavigationManager
    {
        public string BaseUri { get; protected set; } = "https://localhost/";

        public string Uri { get; protected set; } = "https://localhost/";

        public event EventHandler<Routing.LocationChangedEventArgs>? LocationChanged;

        public void NavigateTo(string uri, bool forceLoad = false, bool replace = false)
        {
            Uri = ToAbsoluteUri(uri).ToString();
            LocationChanged?.Invoke(this, new Routing.LocationChangedEventArgs(Uri, isNavigationIntercepted: false));
        }

        public System.Uri ToAbsoluteUri(string? relativeUri) => new(new System.Uri(BaseUri), relativeUri);

        public string ToBaseRelativePath(string uri) =>
            uri.StartsWith(BaseUri, StringComparison.Ordinal) ? uri[BaseUri.Length..] : uri;

        public string GetUriWithQueryParameter(string name, string? value) => $"{Uri}?{name}={value}";

        public string GetUriWithQueryParameter(string name, int? value) => $"{Uri}?{name}={value}";
    }
}

namespace Microsoft.AspNetCore.Components.Routing
{
    public sealed class LocationChangedEventArgs(string location, bool isNavigationIntercepted) : EventArgs
    {
        public string Location { get; } = location;

        public bool IsNavigationIntercepted { get; } = isNavigationIntercepted;

        public string? HistoryEntryState { get; init; }
    }
}

namespace Microsoft.AspNetCore.Components.Web
{
    public abstract class ErrorBoundaryBase : ComponentBase
    {
        [Parameter]
        public int MaximumErrorCount { get; set; } = 100;

        protected Exception? CurrentException { get; private set; }

        protected abstract Task OnErrorAsync(Exception exception);

        public void Recover() => CurrentException = null;
    }

    public class ErrorBoundary : ErrorBoundaryBase
    {
        protected override Task OnErrorAsync(Exception exception) => Task.CompletedTask;
    }
}

namespace Microsoft.AspNetCore.Components.Forms
{
    public readonly struct FieldIdentifier(object model, string fieldName)
    {
        public object Model { get; } = model;

        public string FieldName { get; } = fieldName;
    }

    public sealed class FieldChangedEventArgs(in FieldIdentifier fieldIdentifier) : EventArgs
    {
        public FieldIdentifier FieldIdentifier { get; } = fieldIdentifier;
    }

    public sealed class ValidationRequestedEventArgs : EventArgs;

    public sealed class EditContext(object model)
    {
        public object Model { get; } = model;

        public event EventHandler<FieldChangedEventArgs>? OnFieldChanged;

        public event EventHandler<ValidationRequestedEventArgs>? OnValidationRequested;

        public bool Validate()
        {
            OnValidationRequested?.Invoke(this, new ValidationRequestedEventArgs());
            return true;
        }

        public IEnumerable<string> GetValidationMessages() => [];

        public void NotifyFieldChanged(in FieldIdentifier fieldIdentifier) =>
            OnFieldChanged?.Invoke(this, new FieldChangedEventArgs(fieldIdentifier));
    }
}

namespace Microsoft.JSInterop
{
    public interface IJSRuntime
    {
        ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args);

        ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args);
    }

    public static class JSRuntimeExtensions
    {
        public static ValueTask<TValue> InvokeAsync<TValue>(this IJSRuntime jsRuntime, string identifier, params object?[]? args) =>
            jsRuntime.InvokeAsync<TValue>(identifier, args);

        public static async ValueTask InvokeVoidAsync(this IJSRuntime jsRuntime, string identifier, params object?[]? args) =>
            await jsRuntime.InvokeAsync<object>(identifier, args);
    }

    public sealed class JSException(string message) : Exception(message);
}

namespace Blazored.LocalStorage
{
    public interface ILocalStorageService
    {
        ValueTask<T?> GetItemAsync<T>(string key, CancellationToken cancellationToken = default);

        ValueTask<string?> GetItemAsStringAsync(string key, CancellationToken cancellationToken = default);

        ValueTask SetItemAsync<T>(string key, T data, CancellationToken cancellationToken = default);

        ValueTask SetItemAsStringAsync(string key, string data, CancellationToken cancellationToken = default);

        ValueTask RemoveItemAsync(string key, CancellationToken cancellationToken = default);

        ValueTask<bool> ContainKeyAsync(string key, CancellationToken cancellationToken = default);

        ValueTask<IEnumerable<string>> KeysAsync(CancellationToken cancellationToken = default);

        ValueTask<int> LengthAsync(CancellationToken cancellationToken = default);
    }
}
