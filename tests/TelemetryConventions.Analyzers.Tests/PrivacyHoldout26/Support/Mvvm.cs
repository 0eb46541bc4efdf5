using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using System.Windows.Input;

// Stand-ins for CommunityToolkit.Mvvm (the MVVM toolkit the MAUI, WPF and Blazor clients share),
// reduced to the members the view models use.

namespace CommunityToolkit.Mvvm.ComponentModel
{
    public abstract class ObservableObject : INotifyPropertyChanged, INotifyPropertyChanging
    {
        public event PropertyChangedEventHandler? PropertyChanged;

        public event PropertyChangingEventHandler? PropertyChanging;

        protected virtual void OnPropertyChanged(PropertyChangedEventArgs e) => PropertyChanged?.Invoke(this, e);

        protected virtual void OnPropertyChanging(PropertyChangingEventArgs e) => PropertyChanging?.Invoke(this, e);

        protected void OnPropertyChanged([CallerMemberName] string? propertyName = null) =>
            OnPropertyChanged(new PropertyChangedEventArgs(propertyName));

        protected bool SetProperty<T>(ref T field, T newValue, [CallerMemberName] string? propertyName = null)
        {
            if (EqualityComparer<T>.Default.Equals(field, newValue))
            {
                return false;
            }

            OnPropertyChanging(new PropertyChangingEventArgs(propertyName));
            field = newValue;
            OnPropertyChanged(new PropertyChangedEventArgs(propertyName));
            return true;
        }
    }

    public abstract class ObservableRecipient : ObservableObject
    {
        public bool IsActive { get; set; }
    }
}

namespace CommunityToolkit.Mvvm.Input
{
    public interface IRelayCommand : ICommand
    {
        void NotifyCanExecuteChanged();
    }

    public interface IRelayCommand<in T> : IRelayCommand
    {
        bool CanExecute(T? parameter);

        void Execute(T? parameter);
    }

    public interface IAsyncRelayCommand : IRelayCommand, INotifyPropertyChanged
    {
        Task? ExecutionTask { get; }

        bool IsRunning { get; }

        Task ExecuteAsync(object? parameter);
    }

    public interface IAsyncRelayCommand<in T> : IAsyncRelayCommand, IRelayCommand<T>
    {
        Task ExecuteAsync(T? parameter);
    }

    [Flags]
    public enum AsyncRelayCommandOptions
    {
        None = 0,
        AllowConcurrentExecutions = 1,
        FlowExceptionsToTaskScheduler = 2,
    }

    public sealed class RelayCommand(Action execute, Func<bool>? canExecute = null) : IRelayCommand
    {
        public event EventHandler? CanExecuteChanged;

        public bool CanExecute(object? parameter) => canExecute?.Invoke() ?? true;

        public void Execute(object? parameter) => execute();

        public void NotifyCanExecuteChanged() => CanExecuteChanged?.Invoke(this, EventArgs.Empty);
    }

    public sealed class RelayCommand<T>(Action<T?> execute, Predicate<T?>? canExecute = null) : IRelayCommand<T>
    {
        public event EventHandler? CanExecuteChanged;

        public bool CanExecute(T? parameter) => canExecute?.Invoke(parameter) ?? true;

        public bool CanExecute(object? parameter) => CanExecute((T?)parameter);

        public void Execute(T? parameter) => execute(parameter);

        public void Execute(object? parameter) => Execute((T?)parameter);

        public void NotifyCanExecuteChanged() => CanExecuteChanged?.Invoke(this, EventArgs.Empty);
    }

    public sealed class AsyncRelayCommand : IAsyncRelayCommand
    {
        private readonly Func<CancellationToken, Task> _execute;
        private readonly Func<bool>? _canExecute;

        public AsyncRelayCommand(Func<Task> execute, AsyncRelayCommandOptions options = AsyncRelayCommandOptions.None)
            : this(_ => execute(), null, options)
        {
        }

        public AsyncRelayCommand(Func<Task> execute, Func<bool> canExecute, AsyncRelayCommandOptions options = AsyncRelayCommandOptions.None)
            : this(_ => execute(), canExecute, options)
        {
        }

        public AsyncRelayCommand(Func<CancellationToken, Task> cancelableExecute, Func<bool>? canExecute = null, AsyncRelayCommandOptions options = AsyncRelayCommandOptions.None)
        {
            _execute = cancelableExecute;
            _canExecute = canExecute;
            Options = options;
        }

        public event EventHandler? CanExecuteChanged;

        public event PropertyChangedEventHandler? PropertyChanged;

        public AsyncRelayCommandOptions Options { get; }

        public Task? ExecutionTask { get; private set; }

        public bool IsRunning => ExecutionTask is { IsCompleted: false };

        public bool CanExecute(object? parameter) => _canExecute?.Invoke() ?? true;

        public void Execute(object? parameter) => _ = ExecuteAsync(parameter);

        public Task ExecuteAsync(object? parameter)
        {
            ExecutionTask = _execute(CancellationToken.None);
            PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(nameof(ExecutionTask)));
            return ExecutionTask;
        }

        public void NotifyCanExecuteChanged() => CanExecuteChanged?.Invoke(this, EventArgs.Empty);
    }

    public sealed class AsyncRelayCommand<T>(Func<T?, Task> execute, Predicate<T?>? canExecute = null) : IAsyncRelayCommand<T>
    {
        public event EventHandler? CanExecuteChanged;

        public event PropertyChangedEventHandler? PropertyChanged;

        public Task? ExecutionTask { get; private set; }

        public bool IsRunning => ExecutionTask is { IsCompleted: false };

        public bool CanExecute(T? parameter) => canExecute?.Invoke(parameter) ?? true;

        public bool CanExecute(object? parameter) => CanExecute((T?)parameter);

        public void Execute(T? parameter) => _ = ExecuteAsync(parameter);

        public void Execute(object? parameter) => Execute((T?)parameter);

        public Task ExecuteAsync(T? parameter)
        {
            ExecutionTask = execute(parameter);
            PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(nameof(ExecutionTask)));
            return ExecutionTask;
        }

        public Task ExecuteAsync(object? parameter) => ExecuteAsync((T?)parameter);

        public void NotifyCanExecuteChanged() => CanExecuteChanged?.Invoke(this, EventArgs.Empty);
    }
}
