export default function NotFound() {
  return <p class="not-found">Page not found.</p>;
}
