// hashi::Status and hashi::Result<T>: the one error model of the project.
//
// Anything that can fail returns a Status (or a Result<T> holding a value or a Status). No
// exception crosses a public API. A Status carries a code, a message and, where the error is in
// a file, a Location. Statuses are values: cheap to copy when OK, thread-compatible.
#ifndef HASHI_STATUS_H_
#define HASHI_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace hashi {

// Few codes on purpose: the CLI maps kUsage to exit status 2 and every other error to 1.
enum class ErrorCode { kOk, kUsage, kInvalidInput, kIo, kNotFound, kInternal };

// Where an error is. line and column are 1-based; 0 means "not known".
struct Location {
  std::string file;
  int64_t line = 0;
  int64_t column = 0;
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Usage(std::string message) { return {ErrorCode::kUsage, std::move(message)}; }
  static Status InvalidInput(std::string message, Location where = {}) {
    return {ErrorCode::kInvalidInput, std::move(message), std::move(where)};
  }
  static Status Io(std::string message, Location where = {}) {
    return {ErrorCode::kIo, std::move(message), std::move(where)};
  }
  static Status NotFound(std::string message, Location where = {}) {
    return {ErrorCode::kNotFound, std::move(message), std::move(where)};
  }
  static Status Internal(std::string message) { return {ErrorCode::kInternal, std::move(message)}; }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const Location& location() const { return location_; }

  // The same error with `file` filled in where no file was known yet (context added on the way up).
  Status WithFile(const std::string& file) const;
  // The same error with `prefix: ` put before the message.
  Status WithContext(const std::string& prefix) const;

  // "file:line:column: message", leaving out the parts that are not known.
  std::string ToString() const;

 private:
  Status(ErrorCode code, std::string message, Location where = {})
      : code_(code), message_(std::move(message)), location_(std::move(where)) {}

  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  Location location_;
};

// A value or the Status that explains why there is none.
// REQUIRES: value() and operator* only when ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}                      // NOLINT: implicit on purpose
  Result(Status status) : data_(std::move(status)) {}               // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace hashi

#endif  // HASHI_STATUS_H_
