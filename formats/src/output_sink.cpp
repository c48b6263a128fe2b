#include "output_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "hashi/formats/tmx.h"

namespace hashi::formats {
namespace {

Status IoError(const std::string& what, const std::filesystem::path& path, int error) {
  return Status::Io(what + ": " + std::strerror(error), {path.string(), 0, 0});
}

class OstreamSink final : public OutputSink {
 public:
  explicit OstreamSink(std::ostream& out) : out_(out) {}
  Status Write(std::string_view bytes) override {
    out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return out_ ? Status::Ok() : Status::Io("write error");
  }
  Status Commit() override {
    out_.flush();
    return out_ ? Status::Ok() : Status::Io("write error");
  }

 private:
  std::ostream& out_;
};

class StdoutSink final : public OutputSink {
 public:
  Status Write(std::string_view bytes) override {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size()) return Status::Ok();
    return IoError("cannot write", "<stdout>", errno);
  }
  Status Commit() override {
    if (std::fflush(stdout) == 0) return Status::Ok();
    return IoError("cannot write", "<stdout>", errno);
  }
};

// The temporary file is created with O_EXCL under a random name (never clobbering another
// writer's) and mode 0666 less the umask, as the final file would get.
class AtomicFileSink final : public OutputSink {
 public:
  static Result<std::unique_ptr<OutputSink>> Open(const std::filesystem::path& path, bool sync) {
    std::random_device random;
    static constexpr char kLetters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string suffix = ".tmp-";
      for (int i = 0; i < 6; ++i) suffix.push_back(kLetters[random() % (sizeof kLetters - 1)]);
      std::filesystem::path temp = path;
      temp += suffix;
      const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd >= 0) return std::unique_ptr<OutputSink>(new AtomicFileSink(path, temp, fd, sync));
      if (errno != EEXIST) return IoError("cannot create", temp, errno);
    }
    return Status::Io("cannot create a temporary file beside it", {path.string(), 0, 0});
  }

  ~AtomicFileSink() override {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(temp_.c_str());
  }

  Status Write(std::string_view bytes) override {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return IoError("cannot write", temp_, errno);
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return Status::Ok();
  }

  Status Commit() override {
    // fsync before rename: after a crash, `path` holds the old file or the whole new one.
    if (sync_ && ::fsync(fd_) != 0) return IoError("cannot write", temp_, errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return IoError("cannot write", temp_, errno);
    if (::rename(temp_.c_str(), path_.c_str()) != 0)
      return IoError("cannot rename into place", path_, errno);
    committed_ = true;
    return Status::Ok();
  }

 private:
  AtomicFileSink(std::filesystem::path path, std::filesystem::path temp, int fd, bool sync)
      : path_(std::move(path)), temp_(std::move(temp)), fd_(fd), sync_(sync) {}

  std::filesystem::path path_;
  std::filesystem::path temp_;
  int fd_;
  bool sync_;
  bool committed_ = false;
};

}  // namespace

std::unique_ptr<OutputSink> MakeOstreamSink(std::ostream& out) {
  return std::make_unique<OstreamSink>(out);
}

Result<std::unique_ptr<OutputSink>> OpenFileSink(const std::filesystem::path& path, bool sync) {
  if (path == "-") return std::unique_ptr<OutputSink>(new StdoutSink());
  return AtomicFileSink::Open(path, sync);
}

Status SyncFileSystem(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return IoError("cannot open", folder, errno);
  const int result = ::syncfs(fd);
  const int error = errno;
  ::close(fd);
  return result == 0 ? Status::Ok() : IoError("cannot sync", folder, error);
}

}  // namespace hashi::formats
